import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from './calendar/workdays.js';
import { lateWorkdays } from './dispatch.js';
import { itemWorkdaysLate, noticeContent, noticeLevel, noticeName } from './notices.js';

describe('the notice ladder', () => {
  it('sends nothing while not late, then 蓝色催办单 for 1–5 workdays, 黄色督办单 for 6–10, 红色督办单 beyond', () => {
    const at = (n: number) => {
      const l = noticeLevel(n);
      return l ? noticeName(l.kind, l.colour) : null;
    };
    expect([0, -3, Number.NaN].map(at)).toEqual([null, null, null]);
    expect([1, 5].map(at)).toEqual(['蓝色催办单', '蓝色催办单']);
    expect([6, 10].map(at)).toEqual(['黄色督办单', '黄色督办单']);
    expect([11, 60].map(at)).toEqual(['红色督办单', '红色督办单']);
  });

  it('counts lateness in workdays: the National Day week does not make a rectification later', () => {
    const cal = new WorkdayCalendar();
    // Due on 2026-09-30 (Wednesday); 2026-10-01..07 are the National Day holidays.
    const late = lateWorkdays(cal, '2026-09-30', '2026-10-08');
    expect(late).toBe(1);
    expect(lateWorkdays(cal, '2026-09-30', '2026-10-09')).toBe(2);
    expect(noticeLevel(late)).toEqual({ kind: 'urge', colour: 'blue' });
  });

  it('reads an item’s lateness from the worst late reason of its light', () => {
    expect(itemWorkdaysLate([{ code: 'overdue', params: { workdays: 3, deadline: '2026-06-01' } }, { code: 'milestone_overdue', params: { name: 'x', workdays: 8 } }])).toBe(8);
    expect(itemWorkdaysLate([{ code: 'behind_schedule', params: { expected: 50, progress: 10 } }])).toBe(0);
    expect(itemWorkdaysLate([])).toBe(0);
  });

  it('words a notice: what is late, since when, by how much, and what to do by when', () => {
    const text = noticeContent({ kind: 'supervise', subjectType: 'ledger', subjectTitle: '项目台账更新不及时', deadline: '2026-06-01', workdaysLate: 7, today: '2026-06-10', replyBy: '2026-06-15', requirement: '按周更新台账' });
    expect(text).toBe(
      '你单位督查发现的“项目台账更新不及时”问题，整改期限为2026年6月1日，截至2026年6月10日已逾期7个工作日，仍未完成。整改要求：按周更新台账。现予督办。请你单位主要负责同志亲自过问，于2026年6月15日前完成整改，并将落实情况书面报送督查室；逾期未完成的，将在督查通报中予以点名。',
    );
    expect(noticeContent({ kind: 'urge', subjectType: 'task', subjectTitle: '完成老旧小区改造', deadline: null, workdaysLate: 2, today: '2026-06-10', replyBy: '2026-06-15' })).toContain('请你单位抓紧推进，于2026年6月15日前完成工作');
  });
});
