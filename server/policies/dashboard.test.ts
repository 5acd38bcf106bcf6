import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { dashboardPolicy, dashboardSlice } from './dashboard.js';

type Grant = { role: string; unitId?: string | null; bodyId?: string | null };
const actor = (unitId: string, roles: Grant[]): Actor => ({ userId: 'u', account: 'a', unitId, roles: roles.map((g) => ({ unitId: null, bodyId: null, ...g })) }) as unknown as Actor;

describe('whose share of the district a dashboard counts (issue 21 item 1: every other role its own slice)', () => {
  it('gives the steering roles the whole district, units and task forces their share, administrators nothing', () => {
    for (const role of ['leader', 'hq_office', 'inspector', 'assessor', 'oversight', 'publicist']) expect(dashboardSlice(actor('X', [{ role }]))).toEqual({ whole: true });
    expect(dashboardSlice(actor('A', [{ role: 'liaison' }]))).toEqual({ whole: false, unitIds: ['A'], taskForceIds: [] });
    expect(
      dashboardSlice(
        actor('A', [
          { role: 'unit_head', unitId: 'B' },
          { role: 'task_force', bodyId: 'TF' },
        ]),
      ),
    ).toEqual({ whole: false, unitIds: ['B'], taskForceIds: ['TF'] });
    for (const role of ['sysadmin', 'secadmin', 'auditor']) {
      expect(dashboardSlice(actor('X', [{ role }]))).toBeNull();
      expect(dashboardPolicy.route.read(actor('X', [{ role }]))).toBe(false);
    }
    expect(dashboardSlice(null)).toBeNull();
  });
});
