/** The phone offline: the report queue, the kept data's banner, the camera: [中文, English]. */
export const offline = {
  'report.takePhoto': ['拍照', 'Take a photo'],
  'offline.banner': ['离线，显示的是 {time} 的数据', 'Offline: showing the data of {time}'],
  'outbox.title': ['待发送', 'To send'],
  'outbox.waiting': ['待发送', 'Waiting'],
  'outbox.sending': ['发送中', 'Sending'],
  'outbox.held': ['未能发送', 'Not sent'],
  'outbox.resend': ['重新发送', 'Send again'],
  'outbox.edit': ['修改', 'Edit'],
  'outbox.delete': ['删除', 'Delete'],
  'outbox.deleteConfirm': ['删除后这份报送不会发送，照片也一并删除。确定删除？', 'The report will not be sent and its photos are deleted. Delete it?'],
  'outbox.queued': ['已保存在本机，联网后自动发送', 'Kept on this device: it is sent when the network returns'],
  'outbox.sessionEnded': ['登录已过期，请重新登录后点“重新发送”', 'The session has ended: log in again, then send it again'],
  'outbox.meta': ['{period} · {photos} 张照片 · {time} 保存', '{period} · {photos} photo(s) · saved {time}'],
  'outbox.logoutTitle': ['本机还有 {n} 份报送未发送', '{n} report(s) on this device are not sent'],
  'outbox.logoutBody': ['退出登录会删除这些报送和照片，它们不会再发送。确定退出？', 'Logging out deletes them and their photos; they will not be sent. Log out?'],
  'outbox.logoutAnyway': ['删除并退出', 'Delete and log out'],
} as const;
