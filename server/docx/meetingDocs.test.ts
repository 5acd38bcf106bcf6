import { describe, expect, it } from 'vitest';
import { docxParts, docxText } from '../testing/docxText.js';
import { chineseDateTime, chineseNumeral } from './docxParts.js';
import type { MeetingDoc } from './meetingDoc.js';
import { meetingMinutesDocx } from './meetingMinutes.js';
import { meetingPackDocx } from './meetingPack.js';

const RED_REASON = '已超期 6 个工作日（截止 2026-11-27）';

function leadingGroupMeeting(over: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    kindLabel: '领导小组会议',
    title: '区推进工作领导小组第四次会议',
    heldOn: '2026-12-08',
    place: '区行政中心三楼第一会议室',
    hostBody: null,
    attendees: '张伟（组长）、李娜（副组长）、王强（办公室主任）',
    units: ['区发展改革委', '区住房城乡建设局', '城关街道党工委'],
    agenda: [
      {
        position: 1,
        kindLabel: '听取汇报',
        title: '区住房城乡建设局老旧小区改造推进情况',
        subjectName: '区住房城乡建设局',
        note: '',
        outcomeLabel: null,
        snapshot: {
          takenAt: '2026-12-07T02:30:00.000Z',
          subjectType: 'unit',
          subjectName: '区住房城乡建设局',
          counts: { red: 1, yellow: 1, green: 7, done: 3, not_started: 2 },
          items: [
            { itemType: 'task', code: 'RW-2026-017', title: '完成城东片区12个老旧小区改造', light: 'red', reasons: [RED_REASON, '进度落后序时进度 28 个百分点'] },
            { itemType: 'project', code: 'XM-031', title: '城西污水管网提升工程', light: 'yellow', reasons: ['最近一次报送已过 40 天'] },
          ],
          openBlockers: 2,
          acceptedReports: 5,
        },
      },
      {
        position: 2,
        kindLabel: '审议',
        title: '《2027年城市更新行动方案》',
        subjectName: '2027年城市更新行动方案',
        note: '请区发展改革委会同有关部门完善资金测算。',
        outcomeLabel: '审议通过',
        snapshot: null,
      },
      { position: 3, kindLabel: '研究部署', title: '冬季安全生产工作', subjectName: null, note: '', outcomeLabel: null, snapshot: null },
    ],
    decisions: [
      { seq: 1, content: '加快城东片区老旧小区改造进度，确保年底前完成主体工程', units: ['区住房城乡建设局', '城关街道党工委'], deadline: '2026-12-31' },
      { seq: 2, content: '完善《2027年城市更新行动方案》资金测算后印发实施', units: ['区发展改革委'], deadline: '2027-01-15' },
    ],
    minutes: '会议听取了区住房城乡建设局关于老旧小区改造推进情况的汇报。\n\n会议审议了《2027年城市更新行动方案》，研究部署了冬季安全生产工作。',
    status: 'closed',
    generatedAt: '2026-12-08T07:05:00.000Z',
    ...over,
  };
}

describe('chineseNumeral', () => {
  it('writes 1 to 99 as official documents number their items', () => {
    const cases: [number, string][] = [[1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九']];
    for (const [n, want] of cases) expect(chineseNumeral(n)).toBe(want);
  });
});

describe('chineseDateTime', () => {
  it('says the instant in Shanghai time, whatever the server zone', () => {
    expect(chineseDateTime('2026-12-07T02:30:00.000Z')).toBe('2026年12月7日 10:30');
    expect(chineseDateTime('2026-12-07T16:05:00.000Z')).toBe('2026年12月8日 00:05');
  });
});

describe('meeting pack', () => {
  it('lays out the meeting, its agenda and the frozen status of the party heard', async () => {
    const buf = await meetingPackDocx(leadingGroupMeeting());
    expect(await docxParts(buf)).toContain('word/document.xml');
    const text = await docxText(buf);
    const lines = text.split('\n');
    expect(lines).toContain('区推进工作领导小组第四次会议');
    expect(lines).toContain('领导小组会议 会议材料');
    expect(lines).toContain('时间：2026年12月8日');
    expect(lines).toContain('出席单位：区发展改革委、区住房城乡建设局、城关街道党工委');
    expect(lines).toContain('一、听取汇报：区住房城乡建设局老旧小区改造推进情况');
    expect(lines).toContain('汇报单位：区住房城乡建设局');
    expect(lines).toContain('二、审议：《2027年城市更新行动方案》');
    expect(lines).toContain('审议方案：2027年城市更新行动方案');
    expect(lines).toContain('三、研究部署：冬季安全生产工作');
    expect(lines).toContain('（状态截至 2026年12月7日 10:30）');
    expect(lines).toContain('红灯 1 项、黄灯 1 项、绿灯 7 项、已完成 3 项、未开始 2 项；未解决堵点 2 个；近30日验收报送 5 份');
    expect(lines).toContain('类别 | 编号 | 名称 | 灯色 | 原因');
    const red = lines.find((l) => l.includes('RW-2026-017'));
    expect(red).toBe(`任务 | RW-2026-017 | 完成城东片区12个老旧小区改造 | 红灯 | ${RED_REASON}；进度落后序时进度 28 个百分点`);
    expect(lines).toContain('项目 | XM-031 | 城西污水管网提升工程 | 黄灯 | 最近一次报送已过 40 天');
    expect(lines.at(-1)).toBe('生成时间：2026年12月8日 15:05');
    expect(text).not.toContain('无红灯、黄灯事项');
  });

  it('says so when the party heard has nothing red or yellow', async () => {
    const doc = leadingGroupMeeting();
    const hearing = doc.agenda[0]!;
    const quiet = { ...hearing, snapshot: { ...hearing.snapshot!, items: [], counts: { red: 0, yellow: 0, green: 9, done: 3, not_started: 2 } } };
    const text = await docxText(await meetingPackDocx({ ...doc, agenda: [quiet] }));
    expect(text.split('\n')).toContain('无红灯、黄灯事项');
    expect(text).not.toContain('类别 | 编号');
  });
});

describe('meeting minutes', () => {
  it('records the meeting, the reviews and each decision with its owners and deadline', async () => {
    const buf = await meetingMinutesDocx(leadingGroupMeeting());
    expect(await docxParts(buf)).toContain('word/document.xml');
    const lines = (await docxText(buf)).split('\n');
    expect(lines[0]).toBe('区推进工作领导小组第四次会议会议纪要');
    expect(lines).not.toContain('（草稿）');
    expect(lines).toContain('2026年12月8日，领导小组会议在区行政中心三楼第一会议室召开。');
    expect(lines).toContain('出席人员：张伟（组长）、李娜（副组长）、王强（办公室主任）');
    expect(lines).toContain('会议听取了区住房城乡建设局关于老旧小区改造推进情况的汇报。');
    expect(lines).toContain('会议审议了《2027年城市更新行动方案》，研究部署了冬季安全生产工作。');
    expect(lines).toContain('审议情况');
    expect(lines).toContain('《2027年城市更新行动方案》：审议通过');
    expect(lines).toContain('请区发展改革委会同有关部门完善资金测算。');
    expect(lines).toContain('会议议定事项如下：');
    expect(lines).toContain('一、加快城东片区老旧小区改造进度，确保年底前完成主体工程（责任单位：区住房城乡建设局、城关街道党工委；完成时限：2026年12月31日）');
    expect(lines).toContain('二、完善《2027年城市更新行动方案》资金测算后印发实施（责任单位：区发展改革委；完成时限：2027年1月15日）');
    expect(lines.indexOf('审议情况')).toBeLessThan(lines.indexOf('会议议定事项如下：'));
    expect(lines).not.toContain('本次会议无议定事项。');
  });

  it('marks the minutes of an open meeting as a draft, under a heading not doubled', async () => {
    const lines = (await docxText(await meetingMinutesDocx(leadingGroupMeeting({ status: 'open', title: '城市更新专题会议纪要' })))).split('\n');
    expect(lines.slice(0, 2)).toEqual(['城市更新专题会议纪要', '（草稿）']);
  });

  it('says there were no decisions, and leaves out an empty place', async () => {
    const doc = leadingGroupMeeting({ decisions: [], place: '', hostBody: '项目建设专项推进组', kindLabel: '专项推进组会议' });
    const lines = (await docxText(await meetingMinutesDocx(doc))).split('\n');
    // A task force's meeting is named once: "<task force>会议", not "…专项推进组专项推进组会议".
    expect(lines).toContain('2026年12月8日，项目建设专项推进组会议召开。');
    expect(lines).toContain('本次会议无议定事项。');
    expect(lines).not.toContain('会议议定事项如下：');
  });
});
