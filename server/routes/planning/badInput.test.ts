import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums.js';
import { auditCount } from '../../audit.js';
import { expectError, send } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { PLANNING_ROUTE_CALLS } from '../../testing/planningCalls.js';
import { harnessWithCalls } from '../../testing/routeCalls.js';

type Body = Record<string, unknown>;
/** Per write route: who may call it, and bad bodies with the fields the 400 must name. */
const CASES: [string, Role, [(b: Body) => Body, string[]][]][] = [
  ['POST /api/programs', 'hq_office', [[(b) => ({ ...b, startYear: '2026', code: 'a b' }), ['code', 'startYear']]]],
  ['PATCH /api/programs/:id', 'hq_office', [[(b) => ({ ...b, version: -1, yearGoals: [{ year: 2026 }] }), ['version', 'yearGoals.0.title']]]],
  ['POST /api/programs/:id/areas', 'hq_office', [[(b) => ({ ...b, name: '', colour: 'red' }), ['colour', 'name']]]],
  ['POST /api/plans', 'hq_office', [[(b) => ({ ...b, programId: 'x', areaIds: 'all' }), ['areaIds', 'programId']]]],
  ['PATCH /api/plans/:id', 'hq_office', [[({ version: _v, ...b }) => ({ ...b, status: 'published' }), ['status', 'version']]]],
  ['POST /api/plans/:id/submit', 'hq_office', [[() => ({}), ['version']]]],
  ['POST /api/plans/:id/approve', 'leader', [[(b) => ({ ...b, decisionRef: '' }), ['decisionRef']]]],
  ['POST /api/plans/:id/publish', 'hq_office', [[(b) => ({ ...b, version: '1' }), ['version']]]],
  ['POST /api/plans/:id/return', 'leader', [[(b) => ({ ...b, reason: '   ' }), ['reason']]]],
  ['POST /api/targets', 'hq_office', [[(b) => ({ ...b, baseline: 1.5, direction: 'up' }), ['baseline', 'direction']]]],
  ['PATCH /api/targets/:id', 'hq_office', [[(b) => ({ ...b, goals: [{ year: 2026, goal: '1,000' }] }), ['goals.0.goal']]]],
  ['PUT /api/targets/:id/trajectory', 'hq_office', [[(b) => ({ ...b, points: [{ period: '2026-6', expected: '1' }] }), ['points.0.period']]]],
  ['POST /api/targets/:id/actuals', 'hq_office', [[() => ({ period: '2026-Q5', value: 'NaN' }), ['period', 'value']]]],
  ['POST /api/tasks', 'hq_office', [[(b) => ({ ...b, deadlineKind: 'someday', supportUnitIds: ['x'] }), ['deadlineKind', 'supportUnitIds.0']]]],
  ['PATCH /api/tasks/:id', 'hq_office', [[(b) => ({ ...b, recurrence: { every: 'week', day: 40 } }), ['recurrence.day', 'recurrence.every']]]],
  ['POST /api/tasks/:id/milestones', 'hq_office', [[(b) => ({ ...b, due: '2026-13-01' }), ['due']]]],
  ['PATCH /api/tasks/:id/milestones/:milestoneId', 'hq_office', [[(b) => ({ ...b, doneOn: 'yesterday' }), ['doneOn']]]],
  ['POST /api/tasks/:id/claim', 'liaison', [[(b) => ({ ...b, milestones: [{ name: '启动' }] }), ['milestones.0.due']]]],
  ['POST /api/tasks/:id/claim/approve', 'unit_head', [[(b) => ({ ...b, unitId: 'mine' }), ['unitId']]]],
  ['POST /api/tasks/:id/claim/return', 'unit_head', [[({ reason: _r, ...b }) => b, ['reason']]]],
  ['POST /api/projects', 'hq_office', [[(b) => ({ ...b, totalInvestment: '1.005', stageDates: { launch: {} } }), ['stageDates.launch', 'totalInvestment']]]],
  ['PATCH /api/projects/:id', 'hq_office', [[(b) => ({ ...b, stageDates: { started: { planned: '2026-02-29' } } }), ['stageDates.started.planned']]]],
  ['PUT /api/projects/:id/plan', 'hq_office', [[(b) => ({ ...b, years: [{ year: 1999, planned: '1' }] }), ['years.0.year']]]],
];

describe.each(DATABASE_KINDS)('bad input to the planning API on %s', (kind) => {
  const t = harnessWithCalls(kind);

  it('covers every planning write', () => {
    const writes = Object.keys(PLANNING_ROUTE_CALLS).filter((k) => !k.startsWith('GET ') && !k.startsWith('DELETE '));
    expect(CASES.map(([k]) => k).sort()).toEqual(writes.sort());
  });

  it.each(CASES)('%s: 400 naming the field, nothing written', async (key, role, cases) => {
    for (const [mutate, fields] of cases) {
      const { req, session } = await PLANNING_ROUTE_CALLS[key]!(t.env, role);
      const before = await auditCount(t.h.db.database.db);
      const res = await send(t.h.app, { ...req, payload: mutate(req.payload as Body), headers: { 'accept-language': 'en-US' } }, session);
      const e = expectError(res, 400, 'validation');
      expect(Object.keys(e.fields!).sort(), res.body).toEqual(fields);
      expect(await auditCount(t.h.db.database.db)).toBe(before);
    }
  });
});
