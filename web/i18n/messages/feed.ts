/** 工作动态, the live feed: [中文, English]. */
export const feed = {
  'menu.feed': ['工作动态', 'Work feed'],
  'feed.title': ['工作动态', 'Work feed'],
  'feed.empty': ['暂无动态', 'Nothing yet'],
  'feed.more': ['加载更多', 'Load more'],
  'feed.all': ['查看全部', 'See all'],
  'feed.filter.kind': ['类型', 'Kind'],
  'feed.live': ['实时更新中', 'Live'],
  'feed.connecting': ['正在连接…', 'Connecting…'],
  'feed.retrying': ['连接中断，正在重连', 'Disconnected, reconnecting'],
  'feed.kind.report': ['报送验收', 'Report accepted'],
  'feed.kind.claim': ['任务认领', 'Claim'],
  'feed.kind.blocker': ['堵点', 'Blocker'],
  'feed.kind.instruction': ['领导批示', 'Instruction'],
  'feed.kind.decision': ['议定事项', 'Meeting decision'],
  'feed.kind.reply': ['落实答复', 'Reply'],
  'feed.kind.plan': ['方案审定', 'Plan'],
} as const;
