import { describe, expect, it } from 'vitest';
import { headerOf } from './sheet.js';
import { compareCodes, TASK_SHEET_COLUMNS, taskSheetOrder } from './taskLayout.js';

describe('the exported 任务分解表 layout', () => {
  it('names each column the import reads with a header the import recognises, and no other', () => {
    for (const c of TASK_SHEET_COLUMNS) expect([c.header, headerOf(c.header)]).toEqual([c.header, 'reads' in c ? c.reads : undefined]);
  });
  it('orders codes as offices read them', () => {
    expect(['1.10', '1.2', '2', '1', '1.2.1'].sort(compareCodes)).toEqual(['1', '1.2', '1.2.1', '1.10', '2']);
  });
  it('numbers the tree depth first by sort and code, and starts a branch where a parent was filtered out', () => {
    const t = (id: string, parentId: string | null, code: string, sort = 0) => ({ id, parentId, code, sort });
    const rows = taskSheetOrder([t('b', null, '2'), t('a2', 'a', '1.10'), t('a', null, '1'), t('a1', 'a', '1.2'), t('a1x', 'a1', '1.2.1'), t('orphan', 'gone', '3.1')]);
    expect(rows.map((r) => [r.seq, r.task.id])).toEqual([
      ['1', 'a'],
      ['1.1', 'a1'],
      ['1.1.1', 'a1x'],
      ['1.2', 'a2'],
      ['2', 'b'],
      ['3', 'orphan'],
    ]);
  });
});
