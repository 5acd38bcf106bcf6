import type { Paragraph } from 'docx';
import { bodyLine, centredLine, chineseDate, chineseNumeral, joinNames, packDocx, sectionHeading, titleLine } from './docxParts.js';
import type { MeetingDoc, MeetingDocDecision } from './meetingDoc.js';

/** The minutes (会议纪要): the meeting as held, what the reviews decided, and the decisions with owners and deadlines. */
export async function meetingMinutesDocx(doc: MeetingDoc): Promise<Buffer> {
  const heading = doc.title.endsWith('会议纪要') ? doc.title : `${doc.title}会议纪要`;
  const reviewed = [...doc.agenda].sort((a, b) => a.position - b.position).filter((a) => a.outcomeLabel);
  const decisions = [...doc.decisions].sort((a, b) => a.seq - b.seq);
  const children: Paragraph[] = [
    titleLine(heading),
    // Minutes of a meeting still open may change before they are issued: the mark says so on paper.
    ...(doc.status === 'open' ? [centredLine('（草稿）')] : []),
    bodyLine(opening(doc), true),
    ...(joinNames(doc.units) ? [bodyLine(`出席单位：${joinNames(doc.units)}`)] : []),
    ...(doc.attendees.trim() ? [bodyLine(`出席人员：${doc.attendees.trim()}`)] : []),
    ...doc.minutes
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => bodyLine(p, true)),
  ];
  if (reviewed.length) {
    children.push(sectionHeading('审议情况'));
    for (const a of reviewed) {
      children.push(bodyLine(`${a.title}：${a.outcomeLabel}`, true));
      if (a.note.trim()) children.push(bodyLine(a.note.trim(), true));
    }
  }
  if (decisions.length) {
    children.push(bodyLine('会议议定事项如下：', true));
    decisions.forEach((d, i) => children.push(bodyLine(decisionLine(d, i + 1), true)));
  } else children.push(bodyLine('本次会议无议定事项。', true));
  return packDocx(heading, children);
}

function opening(doc: MeetingDoc): string {
  const where = doc.place.trim() ? `在${doc.place.trim()}` : '';
  // A task force's meeting is "<task force>会议", not "<task force>专项推进组会议".
  const who = doc.hostBody ? `${doc.hostBody}会议` : doc.kindLabel;
  return `${chineseDate(doc.heldOn)}，${who}${where}召开。`;
}

function decisionLine(d: MeetingDocDecision, n: number): string {
  // A decision without owners still gets its deadline; an empty 责任单位： would read as an omission.
  const terms = [joinNames(d.units) ? `责任单位：${joinNames(d.units)}` : '', `完成时限：${chineseDate(d.deadline)}`].filter(Boolean);
  return `${chineseNumeral(n)}、${d.content}（${terms.join('；')}）`;
}
