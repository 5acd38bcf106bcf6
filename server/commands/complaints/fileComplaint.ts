import { randomInt } from 'node:crypto';
import { complaintCaseTitle, makeTrackingCode } from '../../../domain/complaints.js';
import type { ComplaintCreate } from '../../../domain/schemas/complaint.js';
import { CASE_AUDIT_ENTITY } from '../../../domain/oversight.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { complaints, oversightCases } from '../../db/schema/index.js';
import type { Upload } from '../../uploads.js';
import { ensureUnits } from '../planning/checks.js';
import { attachComplaintFiles, checkComplaintFiles } from './complaintFiles.js';

/** A tracking code that looks like a real one, for the honeypot's answer. */
export const newTrackingCode = () => makeTrackingCode(randomInt);

/**
 * 营商环境投诉 filed on the public form: the complaint and its oversight case (source kind
 * `complaint`, category 营商环境) in one transaction, with one audit record that keeps the fact —
 * entity and case id, as every case's record — and none of the enterprise's words or contact
 * details (personal data). Its files (photos, PDF: checked by their bytes first, 415 before
 * anything is written) go to the evidence store in the same transaction, so a refused or failed
 * complaint leaves no file behind. Returns the tracking code.
 */
export async function fileComplaint(ctx: Ctx, input: ComplaintCreate, uploads: readonly Upload[] = []): Promise<{ trackingCode: string }> {
  const files = checkComplaintFiles(uploads, ctx.lang);
  return inTx(ctx, async (tx) => {
    if (input.unitId) await ensureUnits(tx, [input.unitId], 'unitId', false);
    // ~59 random bits: a clash is all but impossible, and the unique index would refuse it (a retry by the client).
    const trackingCode = newTrackingCode();
    const [complaint] = await tx
      .insert(complaints)
      .values({
        trackingCode,
        enterprise: input.enterprise,
        contactPerson: input.contactPerson,
        contact: input.contact,
        environment: input.environment,
        unitId: input.unitId ?? null,
        unitName: input.unitName || null,
        description: input.description,
        submitterIp: ctx.ip,
      })
      .returning({ id: complaints.id });
    await attachComplaintFiles(tx, complaint!.id, files);
    const [row] = await tx
      .insert(oversightCases)
      .values({
        category: 'business_environment',
        unitId: input.unitId ?? null,
        title: complaintCaseTitle(input.enterprise, input.environment),
        summary: input.description,
        sourceKind: 'complaint',
        sourceId: complaint!.id,
      })
      .returning({ id: oversightCases.id });
    await recordAudit(tx, { ...ctx, actor: null }, 'oversight_case.complaint_received', { entity: CASE_AUDIT_ENTITY, entityId: row!.id });
    return { trackingCode };
  });
}
