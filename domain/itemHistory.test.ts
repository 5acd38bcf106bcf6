import { describe, expect, it } from 'vitest';
import { changedFields, historyText, sortHistory, type HistoryEvent } from './itemHistory.js';

const at = new Date('2026-11-02T02:00:00Z');
const zh = (e: HistoryEvent) => historyText(e, 'zh-CN');
const en = (e: HistoryEvent) => historyText(e, 'en-US');

describe('item history', () => {
  it('names the fields an edit changed, a deadline once however many of its parts moved, and ignores bookkeeping', () => {
    const before = { title: '餐饮油烟整治', deadlineKind: 'date', deadline: '2026-11-20', recurrence: null, version: 3, light: 'red', units: [{ unitId: 'a' }] };
    const after = { ...before, deadlineKind: 'recurring', deadline: null, recurrence: { day: 10 }, version: 4, light: 'green' };
    expect(changedFields(before, after)).toEqual(['deadlineKind']);
    expect(zh({ at, actorName: null, kind: 'updated', fields: changedFields(before, after) })).toBe('修改了期限');
    const more = changedFields(before, { ...after, title: '餐饮油烟专项整治', units: [{ unitId: 'a' }, { unitId: 'b' }] });
    expect(zh({ at, actorName: null, kind: 'updated', fields: more })).toBe('修改了名称、责任单位、期限');
    expect(en({ at, actorName: null, kind: 'updated', fields: more })).toBe('Changed title, units, deadline');
    // A save that changed nothing a person names still says something.
    expect(zh({ at, actorName: null, kind: 'updated', fields: changedFields(before, { ...before, version: 4 }) })).toBe('修改了基本信息');
  });
  it('says who claimed, approved and returned, and what an accepted report said, exactly', () => {
    expect(zh({ at, actorName: '建设街道联络员', kind: 'claimed', unit: '建设街道' })).toBe('建设街道认领');
    expect(zh({ at, actorName: null, kind: 'claim_returned', unit: '建设街道', reason: '举措不够具体' })).toBe('建设街道的认领被退回：举措不够具体');
    expect(zh({ at, actorName: null, kind: 'report_accepted', unit: '建设街道', period: '2026-10', figure: { percent: '68.3000' } })).toBe('建设街道2026-10报送验收：进度68.3%');
    expect(zh({ at, actorName: null, kind: 'report_accepted', unit: '区发改局', period: '2026-10', figure: { actual: '10.0000', measureUnit: '%' } })).toBe('区发改局2026-10报送验收：实际值10 %');
    expect(zh({ at, actorName: null, kind: 'report_accepted', unit: '区工信局', period: '2026-09', figure: { investment: '95.50' } })).toBe('区工信局2026-09报送验收：完成投资95.50万元');
    expect(zh({ at, actorName: null, kind: 'report_accepted', unit: '市生态环境局双台子分局', period: '2026-09', figure: null })).toBe('市生态环境局双台子分局2026-09报送验收通过');
    expect(en({ at, actorName: null, kind: 'milestone_added', name: '开工' })).toBe('Added milestone "开工"');
    expect(zh({ at, actorName: null, kind: 'actual_recorded', period: '2026-Q3', value: '77.8000' })).toBe('录入2026-Q3实际值77.8');
  });
  it('puts the newest first, and keeps the recorded order within one instant', () => {
    const a = { at: new Date('2026-01-01T00:00:00Z'), id: 'a' };
    const b = { at: new Date('2026-03-01T00:00:00Z'), id: 'b' };
    const c = { at: new Date('2026-03-01T00:00:00Z'), id: 'c' };
    expect(sortHistory([a, b, c]).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});
