import type { Paragraph, Table } from 'docx';
import type { StatusSnapshot } from '../../domain/meetings.js';
import {
  ITEM_TYPE_LABELS,
  LIGHT_LABELS,
  bodyLine,
  centredLine,
  chineseDate,
  chineseDateTime,
  chineseNumeral,
  gridTable,
  joinNames,
  packDocx,
  sectionHeading,
  titleLine,
} from './docxParts.js';
import type { MeetingDoc, MeetingDocAgendaItem } from './meetingDoc.js';

/** The meeting pack (会议材料): who meets, when and where, and what each agenda item puts before them. */
export async function meetingPackDocx(doc: MeetingDoc): Promise<Buffer> {
  const agenda = [...doc.agenda].sort((a, b) => a.position - b.position);
  const children: (Paragraph | Table)[] = [
    titleLine(doc.title),
    centredLine(`${doc.kindLabel} 会议材料`),
    ...infoLines(doc),
    sectionHeading('会议议程'),
    ...agenda.flatMap((item, i) => agendaBlock(item, i + 1)),
    bodyLine(''),
    bodyLine(`生成时间：${chineseDateTime(doc.generatedAt)}`),
  ];
  return packDocx(`${doc.title} 会议材料`, children);
}

function infoLines(doc: MeetingDoc): Paragraph[] {
  // A pack is often printed before attendance is settled: an empty field is left out, not shown blank.
  const rows: [string, string][] = [
    ['时间', chineseDate(doc.heldOn)],
    ['地点', doc.place],
    ['召集单位', doc.hostBody ?? ''],
    ['出席单位', joinNames(doc.units)],
    ['出席人员', doc.attendees],
  ];
  return rows.filter(([, v]) => v.trim()).map(([k, v]) => bodyLine(`${k}：${v.trim()}`));
}

/**
 * The document carries labels, not kinds, so the subject's caption is chosen from the item: a
 * snapshot or a 汇报 label means a party heard, a 审议 label a plan under review.
 */
function subjectCaption(item: MeetingDocAgendaItem): string {
  if (item.snapshot || item.kindLabel.includes('汇报')) return '汇报单位';
  if (item.kindLabel.includes('审议')) return '审议方案';
  return '涉及';
}

function agendaBlock(item: MeetingDocAgendaItem, n: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [bodyLine(`${chineseNumeral(n)}、${item.kindLabel}：${item.title}`)];
  if (item.subjectName) out.push(bodyLine(`${subjectCaption(item)}：${item.subjectName}`, true));
  if (item.snapshot) out.push(...snapshotBlock(item.snapshot));
  return out;
}

function snapshotBlock(s: StatusSnapshot): (Paragraph | Table)[] {
  const c = s.counts;
  const out: (Paragraph | Table)[] = [
    bodyLine(`（状态截至 ${chineseDateTime(s.takenAt)}）`, true),
    bodyLine(
      `红灯 ${c.red} 项、黄灯 ${c.yellow} 项、绿灯 ${c.green} 项、已完成 ${c.done} 项、未开始 ${c.not_started} 项；` +
        `未解决堵点 ${s.openBlockers} 个；近30日验收报送 ${s.acceptedReports} 份`,
      true,
    ),
  ];
  if (!s.items.length) return [...out, bodyLine('无红灯、黄灯事项', true)];
  const rows = s.items.map((it) => [ITEM_TYPE_LABELS[it.itemType], it.code, it.title, LIGHT_LABELS[it.light], it.reasons.join('；')]);
  return [...out, gridTable(['类别', '编号', '名称', '灯色', '原因'], rows)];
}
