import { createHash } from 'node:crypto';
import { bulletinIsEmpty, type BulletinStatus } from '../../../domain/bulletin.js';
import type { z } from 'zod';
import type { BulletinIssue } from '../../../domain/schemas/bulletin.js';
import { bulletinFlow, type BulletinAction } from '../../../domain/workflows/bulletin.js';
import type { Ctx } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { bulletinFiles, bulletins } from '../../db/schema/index.js';
import { bulletinDocx } from '../../docx/bulletinDocx.js';
import { AppError } from '../../errors.js';
import type { BulletinRow } from '../../models/inspections.js';
import { bulletinPolicy, type BulletinSubject } from '../../policies/bulletin.js';
import { bulletinScope } from '../../queries/inspections/scope.js';
import { rowWriter } from '../workflow/lockedWriter.js';
import { takeStep, type Workflow } from '../workflow/takeStep.js';

/** What the bulletin policy's row tier looks at. */
export const bulletinSubject = (b: BulletinRow): BulletinSubject => ({ status: b.status as BulletinStatus });

/** The bulletin as its document is written (frozen at issue, a preview before). */
export const bulletinDocOf = (b: BulletinRow) => ({ ...b, draft: b.status === 'draft' });

const workflow: Workflow<BulletinRow, BulletinStatus, BulletinAction, BulletinSubject, BulletinRow, Tx> = {
  entity: 'bulletin',
  flow: bulletinFlow,
  done: { issue: 'issued' },
  status: (b) => b.status as BulletinStatus,
  version: (b) => b.version,
  subject: (_tx, b) => bulletinSubject(b),
  may: (actor, subject, action) => bulletinPolicy.row[action](actor, subject),
  invalid: () => new AppError(409, 'bulletin_issued'),
  // A bulletin that says nothing is not issued, whoever asks.
  stateCheck: (b) => (bulletinIsEmpty(b.sections) ? new AppError(422, 'bulletin_empty', {}, { sections: 'bulletin_empty' }) : undefined),
  writer: rowWriter(bulletins, 'bulletin', (_tx, actor) => bulletinScope(actor)),
};

/**
 * 签发: the bulletin is frozen. Its .docx is generated once, here, and stored; its SHA-256 is kept
 * on the row and in the audit record, so the bytes served later can be checked against both.
 */
export async function issueBulletin(ctx: Ctx, id: string, input: z.infer<typeof BulletinIssue>) {
  const frozen: { sha256?: string; content?: Buffer } = {};
  const note: Record<string, unknown> = {};
  return takeStep(ctx, workflow, id, 'issue', {
    version: input.version,
    note,
    set: async (_tx, b, now) => {
      const content = await bulletinDocx({ ...bulletinDocOf(b), draft: false });
      const sha256 = createHash('sha256').update(content).digest('hex');
      Object.assign(frozen, { sha256, content });
      Object.assign(note, { sha256, bytes: content.length });
      return { sha256, issuedAt: now, issuedById: ctx.actor!.userId };
    },
    effects: async (tx, b) => {
      await tx.insert(bulletinFiles).values({ bulletinId: b.id, sha256: frozen.sha256!, content: frozen.content! });
    },
  });
}
