import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { itemChanged, qk } from './queryKeys.js';

/** Seeds one query per key and says which of them a change left valid. */
async function untouchedAfter(change: (qc: QueryClient) => Promise<unknown>, keys: Record<string, readonly unknown[]>): Promise<string[]> {
  const qc = new QueryClient();
  for (const key of Object.values(keys)) qc.setQueryData(key, 1);
  await change(qc);
  return Object.entries(keys)
    .filter(([, key]) => !qc.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
}

describe('query keys', () => {
  it('nest lists and records under their resource, so one prefix reaches both', () => {
    expect(qk.tasks.list({ page: 1 }).slice(0, 1)).toEqual(qk.tasks.all);
    expect(qk.tasks.detail('t1').slice(0, 1)).toEqual(qk.tasks.all);
    expect(qk.plans.versions('p1').slice(0, 3)).toEqual(qk.plans.detail('p1'));
    expect(qk.reports.brief('task', 't1').slice(0, 1)).toEqual(qk.reports.all);
  });

  it('a task change refreshes tasks and what derives from them, and leaves the rest alone', async () => {
    const left = await untouchedAfter((qc) => itemChanged(qc, 'task'), {
      taskList: qk.tasks.list({ page: 1 }),
      task: qk.tasks.detail('t1'),
      rollup: qk.lights.rollup('unit', undefined),
      hqDesk: qk.workbench.hq,
      history: qk.history.of('task', 't1'),
      plan: qk.plans.detail('p1'),
      targets: qk.targets.list({ page: 1 }),
      units: qk.units.all,
      me: qk.me,
      audit: qk.audit.list({}),
    });
    expect(left).toEqual(['targets', 'units', 'me', 'audit']);
  });
});
