import { describe, expect, it } from 'vitest';
import { WorkdayCalendar } from '../domain/calendar/workdays.js';
import { buildRows, rowIssues } from '../domain/imports/rows.js';
import { unitMatcher } from '../domain/imports/units.js';
import { readTaskSheet } from '../server/xlsx/taskImport.js';
import { DEMO_UNITS } from './org.js';
import { demoTaskSheet } from './taskSheet.js';

describe('the demo 任务分解表', () => {
  it('reads back as a tree against the demo units, with exactly one unit to pick from its suggestions', async () => {
    const sources = await readTaskSheet({ name: '任务分解表.xlsx', bytes: await demoTaskSheet() });
    const units = DEMO_UNITS.map((u, i) => ({ ...u, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const rows = buildRows(sources, { match: unitMatcher(units), env: { today: '2026-06-10', calendar: new WorkdayCalendar() } });
    expect(rows.map((r) => [r.level, r.code])).toEqual([
      [0, '1'], [1, '1.1'], [1, '1.2'], [1, '1.3'], [0, '2'], [1, '2.1'], [1, '2.2'], [0, '3'], [1, '3.1'],
    ]);
    const errors = rows.flatMap((r) => rowIssues(r).errors);
    expect(errors).toEqual([{ field: 'leadUnit', code: 'unit_unknown', params: { text: '区住房城乡建设局' } }]);
    expect(rows[5]!.leadUnit!.suggestions[0]!.name).toBe('区住房和城乡建设局');
    expect(rows[1]!.deadline).toMatchObject({ deadlineKind: 'date', deadline: '2026-12-31' });
  });
});
