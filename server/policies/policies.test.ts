import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCKER_STATUSES } from '../../domain/schemas/blocker.js';
import { BLOCKER_LEVELS, CLAIM_STATUSES, PLAN_STATUSES, REPORT_STATUSES } from '../../domain/work.js';
import { auditPolicy } from './audit.js';
import { blockerPolicy } from './blocker.js';
import { calendarPolicy } from './calendar.js';
import { dispatchPolicy } from './dispatch.js';
import { DISPATCH_STATUSES } from '../../domain/dispatch.js';
import { evidencePolicy } from './evidence.js';
import { feedPolicy } from './feed.js';
import { inspectionPolicy } from './inspection.js';
import { ledgerPolicy } from './ledger.js';
import { bulletinPolicy } from './bulletin.js';
import { noticePolicy } from './notice.js';
import { BULLETIN_STATUSES } from '../../domain/bulletin.js';
import { NOTICE_STATUSES } from '../../domain/notices.js';
import { LEDGER_STATUSES, LEDGER_VERDICTS } from '../../domain/ledger.js';
import { lightsPolicy } from './lights.js';
import { oversightCasePolicy } from './oversightCase.js';
import { complaintPolicy } from './complaint.js';
import { promisePolicy } from './promise.js';
import { caseRequestPolicy, responseRequestPolicy } from './responseRequest.js';
import { PROMISE_STATUSES, REQUEST_STATUSES } from '../../domain/promises.js';
import { CASE_STATUSES } from '../../domain/oversight.js';
import { orgPolicy } from './org.js';
import { planPolicy } from './plan.js';
import type { Policy } from './policy.js';
import { anyActor, BODIES, UNITS } from './policyArbitraries.js';
import { programPolicy } from './program.js';
import { projectPolicy } from './project.js';
import { reportPolicy } from './report.js';
import { securityPolicyPolicy } from './settings.js';
import { targetPolicy } from './target.js';
import { taskPolicy } from './task.js';
import { taskImportPolicy } from './taskImport.js';
import { roleProposalPolicy, userPolicy } from './user.js';
import { workbenchPolicy } from './workbench.js';

const ALL: Record<string, Policy<string, any, string>> = {
  auditPolicy, blockerPolicy, calendarPolicy, dispatchPolicy, evidencePolicy, feedPolicy, inspectionPolicy, ledgerPolicy, bulletinPolicy, noticePolicy, lightsPolicy, orgPolicy, planPolicy, programPolicy, projectPolicy,
  reportPolicy, securityPolicyPolicy, targetPolicy, taskPolicy, userPolicy, roleProposalPolicy, workbenchPolicy, oversightCasePolicy, complaintPolicy,
  responseRequestPolicy, caseRequestPolicy, promisePolicy, taskImportPolicy,
};

/** Rows of each entity with a row tier, drawn so that they often belong to the generated actor's unit or body. */
const SUBJECTS: Record<string, fc.Arbitrary<unknown>> = {
  oversightCasePolicy: fc.record({ status: fc.constantFrom(...CASE_STATUSES) }),
  complaintPolicy: fc.constant({}),
  taskImportPolicy: fc.record({ createdById: fc.constantFrom('p1', 'p2') }),
  responseRequestPolicy: fc.record({ status: fc.constantFrom(...REQUEST_STATUSES), unitId: fc.constantFrom(...UNITS) }),
  promisePolicy: fc.record({ status: fc.constantFrom(...PROMISE_STATUSES), unitId: fc.constantFrom(...UNITS) }),
  dispatchPolicy: fc.record({ status: fc.constantFrom(...DISPATCH_STATUSES), unitIds: fc.subarray([...UNITS]) }),
  reportPolicy: fc.record({ status: fc.constantFrom(...REPORT_STATUSES), unitId: fc.constantFrom(...UNITS), taskForceId: fc.option(fc.constantFrom(...BODIES)) }),
  planPolicy: fc.record({ status: fc.constantFrom(...PLAN_STATUSES) }),
  taskPolicy: fc.array(fc.record({ status: fc.constantFrom(...CLAIM_STATUSES), unitId: fc.constantFrom(...UNITS) }), { maxLength: 3 }),
  blockerPolicy: fc.record({
    status: fc.constantFrom(...BLOCKER_STATUSES),
    level: fc.constantFrom(...BLOCKER_LEVELS),
    taskForceId: fc.option(fc.constantFrom(...BODIES)),
    unitId: fc.constantFrom(...UNITS),
    resolverUnitId: fc.option(fc.constantFrom(...UNITS)),
    resolvedById: fc.option(fc.constantFrom('p1', 'p2')),
  }),
  inspectionPolicy: fc.record({ unitIds: fc.subarray([...UNITS]) }),
  ledgerPolicy: fc.record({
    status: fc.constantFrom(...LEDGER_STATUSES),
    unitId: fc.constantFrom(...UNITS),
    verdict: fc.option(fc.constantFrom(...LEDGER_VERDICTS)),
    rectifiedById: fc.option(fc.constantFrom('p1', 'p2')),
  }),
  bulletinPolicy: fc.record({ status: fc.constantFrom(...BULLETIN_STATUSES) }),
  noticePolicy: fc.record({ status: fc.constantFrom(...NOTICE_STATUSES), unitId: fc.constantFrom(...UNITS) }),
  roleProposalPolicy: fc.record({ status: fc.constantFrom('pending', 'approved', 'rejected'), userId: fc.constantFrom('p1', 'p2'), proposedById: fc.constantFrom('p1', 'p2') }),
};

describe('every policy, declared one way', () => {
  it('gives nobody signed out anything (the public routes are declared elsewhere, not in policies)', () => {
    for (const [name, p] of Object.entries(ALL)) {
      expect(Object.values(p.routePolicies(null)).some(Boolean), name).toBe(false);
    }
  });

  it('has a subject generator for every policy with a row tier (so the sweep below sees them all)', () => {
    const withRows = Object.entries(ALL).filter(([, p]) => p.keys.length > 0).map(([n]) => n).sort();
    expect(withRows).toEqual(Object.keys(SUBJECTS).sort());
  });

  // A row rule that allows what its route rule refuses shows the user a button the server then
  // answers 403: the route tier must let through everyone any row lets through.
  it.each(Object.keys(SUBJECTS))('%s: whatever a row allows, its route tier lets through', (name) => {
    const p = ALL[name]!;
    fc.assert(
      fc.property(anyActor, SUBJECTS[name]!, (a, s) => {
        const row = p.rowPolicies(a, s);
        for (const k of p.keys) if (row[k] && k in p.route) expect(p.route[k]!(a), `${name}.${k}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
