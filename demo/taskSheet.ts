import ExcelJS from 'exceljs';

/**
 * A 任务分解表 as a district office writes one, for the demo district (双台子区), generated here rather
 * than committed as a binary: a title row, a two-row header (责任单位 over 牵头单位 | 配合单位), each
 * 重点任务 merged over its 具体措施, units written the way offices write them (区发改局, 各街镇, one
 * near miss: 区住房城乡建设局), and deadlines in words. `stamp` makes the titles of one run findable.
 */
export async function demoTaskSheet(stamp = ''): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow([`双台子区全面振兴新突破三年行动重点任务分解表${stamp ? `（${stamp}）` : ''}`]);
  ws.addRow(['序号', '重点任务', '具体措施', '责任单位', null, '完成时限', '备注']);
  ws.addRow(['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '备注']);
  const rows: [string, string, string, string, string, string, string][] = [
    ['一', `推进工业振兴${stamp}`, '1.实施规上企业技术改造，完成智能化改造项目20个', '区工信局', '区发改局、区财政局', '2026年12月底前', ''],
    ['一', `推进工业振兴${stamp}`, '2.培育专精特新企业，新增省级专精特新企业5家', '区发改局', '各街镇', '每季度末', '按季度报送'],
    ['一', `推进工业振兴${stamp}`, '3.建设工业互联网标识解析节点', '区工信局', '区政务服务和数据管理局', '2026年第三季度', ''],
    ['二', `改善人居环境${stamp}`, '1.实施老旧小区改造，完成改造小区12个', '区住房城乡建设局', '各街道', '2026年10月底前', ''],
    ['二', `改善人居环境${stamp}`, '2.推进雨污分流管网建设', '区住建局', '区财政局、建设街道、红旗街道', '每月10日前', '每月报送进度'],
    ['三', `优化营商环境${stamp}`, '1.压缩工程建设项目审批时限', '区营商局', '区自然资源局；区住建局', '长期坚持', ''],
  ];
  for (const r of rows) ws.addRow(r);
  ws.mergeCells('A1:G1');
  ws.mergeCells('D2:E2');
  for (const col of ['A', 'B', 'C', 'F', 'G']) ws.mergeCells(`${col}2:${col}3`);
  // Each task (and its 序号) merged over its measures, as the printed table shows it.
  for (const [from, to] of [[4, 6], [7, 8]]) for (const col of ['A', 'B']) ws.mergeCells(`${col}${from}:${col}${to}`);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.columns.forEach((c, i) => (c.width = [6, 18, 44, 18, 28, 16, 14][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
