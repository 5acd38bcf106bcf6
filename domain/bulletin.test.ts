import { describe, expect, it } from 'vitest';
import { bulletinIsEmpty, bulletinSections, defaultBulletinTitle, docNumber, nextDocSequence, periodLabel, TO_RECTIFY_LISTED, type BulletinFacts } from './bulletin.js';

const facts = (over: Partial<BulletinFacts> = {}): BulletinFacts => ({
  periodFrom: '2026-10-01',
  periodTo: '2026-12-31',
  today: '2026-12-08',
  issuer: '双台子区督查室',
  campaigns: [{ title: '2026年三年行动常态化督导检查', kind: 'routine', units: 12 }],
  found: { entries: 9, units: 6, byLink: { planning: 2, implementation: 3, delivery: 4 } },
  didWell: [{ unit: '区发展改革委', closed: 2, onTime: 1 }],
  lateEntries: [{ unit: '区住房城乡建设局', count: 2, worstWorkdays: 7 }],
  lateItems: [{ unit: '区住房城乡建设局', red: 3, overdue: 1 }, { unit: '城关街道', red: 0, overdue: 2 }],
  toRectify: [{ unit: '区住房城乡建设局', finding: '老旧小区改造进度滞后', requirement: '倒排工期', deadline: '2026-11-20', overdue: true }],
  ...over,
});

describe('the bulletin’s text from the ledger and the lights', () => {
  it('says what was inspected, who did well, who is late and what must be rectified, in four sections', () => {
    const s = bulletinSections(facts());
    expect(s.map((x) => x.heading)).toEqual(['督查基本情况', '整改落实较好的单位', '存在的问题', '整改要求']);
    expect(s[0]!.paragraphs[0]).toBe(
      '2026年10月1日至2026年12月31日，双台子区督查室组织开展了“2026年三年行动常态化督导检查”（常态化督导检查，12个单位）。共发现问题9个，涉及6个单位，其中谋划部署方面2个、组织实施方面3个、推进落实方面4个，均已建立督查工作台账，逐项跟踪问效。',
    );
    expect(s[1]!.paragraphs).toContain('区发展改革委：整改到位并销号问题2个，其中按期完成整改1个。');
    expect(s[2]!.subsections.map((x) => x.heading)).toEqual(['整改逾期的单位', '红灯、逾期事项较多的单位']);
    expect(s[2]!.subsections[0]!.paragraphs).toEqual(['区住房城乡建设局：2个问题超过整改期限仍未完成整改，最长逾期7个工作日。']);
    expect(s[2]!.subsections[1]!.paragraphs).toEqual(['区住房城乡建设局：红灯事项3项，逾期事项1项。', '城关街道：逾期事项2项。']);
    expect(s[3]!.paragraphs[1]).toBe('1. 区住房城乡建设局：老旧小区改造进度滞后。整改要求：倒排工期。整改期限：2026年11月20日（已逾期）。');
    expect(bulletinIsEmpty(s)).toBe(false);
  });

  it('says so when there is nothing to praise, nothing late and nothing left to rectify, and lists at most TO_RECTIFY_LISTED findings', () => {
    const quiet = bulletinSections(facts({ campaigns: [], found: { entries: 0, units: 0, byLink: { planning: 0, implementation: 0, delivery: 0 } }, didWell: [], lateEntries: [], lateItems: [], toRectify: [] }));
    expect(quiet[0]!.paragraphs[0]).toContain('开展了日常督查。本期未发现需登记台账的问题。');
    expect(quiet[1]!.paragraphs).toEqual(['本期暂无整改销号的问题。']);
    expect(quiet[2]!.subsections[0]!.paragraphs).toEqual(['本期无整改逾期的问题。']);
    expect(quiet[3]!.paragraphs[0]).toContain('均已整改到位');
    const many = Array.from({ length: TO_RECTIFY_LISTED + 5 }, (_, i) => ({ unit: `单位${i}`, finding: '问题', requirement: '要求', deadline: '2026-12-31', overdue: false }));
    const listed = bulletinSections(facts({ toRectify: many }))[3]!.paragraphs;
    expect(listed.filter((p) => /^\d+\. /.test(p))).toHaveLength(TO_RECTIFY_LISTED);
    expect(listed).toContain('另有5个问题详见督查工作台账。');
  });

  it('does not double the closing 。 of a finding or requirement typed with one', () => {
    const s = bulletinSections(facts({ toRectify: [{ unit: '城关街道', finding: '台账不全。', requirement: '补齐台账；', deadline: '2026-12-31', overdue: false }] }));
    expect(s[3]!.paragraphs[1]).toBe('1. 城关街道：台账不全。整改要求：补齐台账。整改期限：2026年12月31日。');
  });

  it('is the same for the same facts', () => {
    expect(bulletinSections(facts())).toEqual(bulletinSections(facts()));
  });

  it('calls a bulletin empty when no section has a word of text', () => {
    expect(bulletinIsEmpty([])).toBe(true);
    expect(bulletinIsEmpty([{ heading: '一', paragraphs: ['  ', ''], subsections: [{ heading: '二', paragraphs: [] }] }])).toBe(true);
    expect(bulletinIsEmpty([{ heading: '一', paragraphs: [], subsections: [{ heading: '二', paragraphs: ['有内容'] }] }])).toBe(false);
  });

  it('names periods as offices do, and numbers documents with the year in 〔〕', () => {
    expect(periodLabel('2026-10-01', '2026-12-31')).toBe('2026年第四季度');
    expect(periodLabel('2026-11-01', '2026-11-30')).toBe('2026年11月');
    expect(periodLabel('2028-02-01', '2028-02-29')).toBe('2028年2月');
    expect(periodLabel('2026-01-01', '2026-12-31')).toBe('2026年');
    expect(periodLabel('2026-10-08', '2026-11-15')).toBe('2026年10月8日至2026年11月15日');
    expect(defaultBulletinTitle('2026-07-01', '2026-09-30')).toBe('关于2026年第三季度督查情况的通报');
    expect(docNumber('督通', 2026, 3)).toBe('督通〔2026〕3号');
  });

  it('numbers the next document one past the highest of its prefix and year, whatever the gaps and other series', () => {
    expect(nextDocSequence([], '督通', 2026)).toBe(1);
    // A draft renumbered by hand to 7: counting the two would give 3, then 7 again after four more.
    expect(nextDocSequence(['督通〔2026〕1号', '督通〔2026〕7号'], '督通', 2026)).toBe(8);
    // Other years, other series (催办单 beside 督办单) and malformed numbers do not count.
    expect(nextDocSequence(['督通〔2025〕40号', '督办〔2026〕9号', '督通〔2026〕x号', '督通〔2026〕2'], '督通', 2026)).toBe(1);
    expect(nextDocSequence(['督通〔2026〕12号', '督通〔2026〕3号'], '督通', 2026)).toBe(13);
  });
});
