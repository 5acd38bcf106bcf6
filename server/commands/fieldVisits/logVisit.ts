import { and, eq, inArray, like } from 'drizzle-orm';
import { safeFileName } from '../../../domain/fileName.js';
import type { FieldVisitCreate } from '../../../domain/schemas/fieldVisit.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { bodies, evidence, evidenceUploads, fieldVisitFindings, fieldVisitPhotos, fieldVisits } from '../../db/schema/index.js';
import { AppError, unauthenticated } from '../../errors.js';
import { logsFor } from '../../policies/fieldVisit.js';
import { referable } from '../../queries/writeScope.js';

/**
 * A task force logs a visit with what it found (each finding a line of its own, to be made a
 * blocker or a follow-up later) and the photos its people uploaded for it.
 */
export async function logVisit(ctx: Ctx, input: FieldVisitCreate) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return inTx(ctx, async (tx) => {
    const [body] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.id, input.bodyId), eq(bodies.kind, 'task_force'), referable(tx, bodies)));
    if (!body) throw new AppError(422, 'visit_body_unknown', {}, { bodyId: '' });
    if (!logsFor(actor, { bodyId: input.bodyId })) throw new AppError(403, 'visit_body_not_yours');
    const shas = input.photos.map((p) => p.sha256);
    if (shas.length) {
      // Only what this person uploaded: a hash seen elsewhere is not a photo they took.
      const mine = new Set(
        (await tx.select({ sha256: evidenceUploads.sha256 }).from(evidenceUploads).where(and(eq(evidenceUploads.userId, actor.userId), inArray(evidenceUploads.sha256, shas)))).map((r) => r.sha256),
      );
      const missing = shas.findIndex((s) => !mine.has(s));
      if (missing >= 0) throw new AppError(422, 'evidence_unknown', { sha256: shas[missing]!.slice(0, 12) }, { [`photos.${missing}`]: '' });
      // A photo is an image: a PDF or an Office file belongs with a report's evidence, not the visit's pictures.
      const images = new Set((await tx.select({ sha256: evidence.sha256 }).from(evidence).where(and(inArray(evidence.sha256, shas), like(evidence.mime, 'image/%')))).map((r) => r.sha256));
      const notImage = shas.findIndex((s) => !images.has(s));
      if (notImage >= 0) throw new AppError(422, 'visit_photo_not_image', { name: input.photos[notImage]!.name }, { [`photos.${notImage}`]: '' });
    }
    const [visit] = await tx
      .insert(fieldVisits)
      .values({ bodyId: input.bodyId, visitedOn: input.visitedOn, place: input.place, participants: input.participants, summary: input.summary, createdById: actor.userId })
      .returning();
    const id = visit!.id;
    if (input.findings.length) await tx.insert(fieldVisitFindings).values(input.findings.map((text, i) => ({ visitId: id, position: i + 1, text })));
    if (input.photos.length) await tx.insert(fieldVisitPhotos).values(input.photos.map((p) => ({ visitId: id, sha256: p.sha256, name: safeFileName(p.name) })));
    await recordAudit(tx, ctx, 'field_visit.logged', { entity: 'field_visit', entityId: id, after: { ...visit, findings: input.findings, photos: input.photos } });
    return visit!;
  });
}
