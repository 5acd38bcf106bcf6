import { and, eq } from 'drizzle-orm';
import type { CaseStatus } from '../../../domain/oversight.js';
import { caseFlow, type CaseAction } from '../../../domain/workflows/oversightCase.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { oversightCaseNotes, oversightCases } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { CaseRow } from '../../models/oversight.js';
import { oversightCasePolicy, type CaseSubject } from '../../policies/oversightCase.js';
import { caseScope } from '../../queries/oversight/scope.js';
import { lockedWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

/**
 * The case's writer: read under a lock within the oversight scope (404 outside it), and an audit
 * record that keeps only the fact of the step (entity, id, action), never the row: title, summary
 * and disposal are confidential, and the auditor reads the log.
 */
const caseWriter = lockedWriter<CaseRow, CaseStatus, CaseAction, CaseRow>({
  entity: 'oversight_case',
  version: (r) => r.version,
  async load(tx, ctx, id) {
    const [row] = await tx
      .select()
      .from(oversightCases)
      .where(and(eq(oversightCases.id, id), caseScope(ctx.actor)))
      .for('update');
    return row;
  },
  async update(tx, found, set) {
    const [row] = await tx
      .update(oversightCases)
      .set(set as Partial<CaseRow>)
      .where(eq(oversightCases.id, found.id))
      .returning();
    return row!;
  },
  audit: async (_tx, found) => ({ entityId: found.id, before: null, after: {} }),
});

function caseWorkflow(): Workflow<CaseRow, CaseStatus, CaseAction, CaseSubject, CaseRow, Tx> {
  return {
    entity: 'oversight_case',
    flow: caseFlow,
    done: { verify: 'verification_started', handle: 'handled', close: 'closed' },
    status: (c) => c.status as CaseStatus,
    version: (c) => c.version,
    subject: (_tx, c) => ({ status: c.status as CaseStatus }),
    may: (actor, subject, action) => oversightCasePolicy.row[action](actor, subject),
    invalid: (status, action) => new AppError(409, 'case_step_invalid', { status: `@case_status_${status}`, action: `@case_action_${action}` }),
    writer: caseWriter,
  };
}

export interface CaseStepOptions {
  version?: number | undefined;
  /** The step's own columns (who and when, the disposal). */
  set: (now: Date) => Partial<CaseRow>;
  /** Words said with the step, kept as a confidential note by the one who took it. */
  comment?: string | undefined;
}

/** A step of an oversight case through takeStep: 404 for a missing id, 409 for a stale version or a step out of order. */
export function takeCaseStep(ctx: Ctx, id: string, action: CaseAction, o: CaseStepOptions) {
  const comment = o.comment?.trim();
  return takeStep(ctx, caseWorkflow(), id, action, {
    version: o.version,
    set: (_tx, _c, now) => o.set(now),
    ...(comment ? { effects: async (tx: Tx, c: CaseRow) => void (await tx.insert(oversightCaseNotes).values({ caseId: c.id, content: comment, authorId: ctx.actor?.userId ?? null })) } : {}),
  });
}
