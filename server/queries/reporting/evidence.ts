import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { assessmentAppeals, evidence, evidenceUploads, fieldVisitPhotos, fieldVisits, ledgerEntries, ledgerEvidence, promiseEvidence, promises, reportEvidence, reports, responseRequestEvidence, responseRequests } from '../../db/schema/index.js';
import { oversees } from '../../policies/oversightCase.js';
import { promiseScope, requestScope } from '../promises/scope.js';
import { fieldVisitScope } from '../fieldVisits/fieldVisits.js';
import { ledgerScope } from '../inspections/scope.js';
import { reportScope } from './scope.js';
import { appealScope } from '../assessments/results.js';

/**
 * An evidence file for the actor, with the name they know it by — only for its uploaders, for
 * those who can see a report that uses it, for those who can read a field visit it is a photo
 * of, for those who can read a ledger entry whose rectification it proves, a written response it
 * backs (the unit asked; the oversight role, who reads every answer on its cases) or a promise it
 * shows kept; undefined otherwise (the route answers 404).
 */
export async function findEvidenceFor(db: Executor, actor: Actor, sha256: string) {
  const [own] = await db
    .select({ name: evidenceUploads.name })
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.sha256, sha256), eq(evidenceUploads.userId, actor.userId)));
  let name = own?.name;
  if (!name) {
    const [used] = await db
      .select({ name: reportEvidence.name })
      .from(reportEvidence)
      .innerJoin(reports, eq(reports.id, reportEvidence.reportId))
      .where(and(eq(reportEvidence.sha256, sha256), reportScope(db, actor)))
      .limit(1);
    name = used?.name;
  }
  if (!name) {
    const [photo] = await db
      .select({ name: fieldVisitPhotos.name })
      .from(fieldVisitPhotos)
      .innerJoin(fieldVisits, eq(fieldVisits.id, fieldVisitPhotos.visitId))
      .where(and(eq(fieldVisitPhotos.sha256, sha256), fieldVisitScope(actor)))
      .limit(1);
    name = photo?.name;
  }
  if (!name) {
    const [proof] = await db
      .select({ name: ledgerEvidence.name })
      .from(ledgerEvidence)
      .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerEvidence.entryId))
      .where(and(eq(ledgerEvidence.sha256, sha256), ledgerScope(db, actor)))
      .limit(1);
    name = proof?.name;
  }
  if (!name) {
    const [answer] = await db
      .select({ name: responseRequestEvidence.name })
      .from(responseRequestEvidence)
      .innerJoin(responseRequests, eq(responseRequests.id, responseRequestEvidence.requestId))
      .where(and(eq(responseRequestEvidence.sha256, sha256), oversees(actor) ? undefined : requestScope(actor)))
      .limit(1);
    name = answer?.name;
  }
  if (!name) {
    const [kept] = await db
      .select({ name: promiseEvidence.name })
      .from(promiseEvidence)
      .innerJoin(promises, eq(promises.id, promiseEvidence.promiseId))
      .where(and(eq(promiseEvidence.sha256, sha256), promiseScope(actor)))
      .limit(1);
    name = kept?.name;
  }
  if (!name) {
    // 申诉佐证: the assessor deciding the appeal and the appealing unit read it, under the name its filer uploaded it with.
    const [appealed] = await db
      .select({ name: evidenceUploads.name })
      .from(assessmentAppeals)
      .leftJoin(evidenceUploads, and(eq(evidenceUploads.sha256, assessmentAppeals.evidenceSha256), eq(evidenceUploads.userId, assessmentAppeals.filedById)))
      .where(and(eq(assessmentAppeals.evidenceSha256, sha256), appealScope(actor)))
      .limit(1);
    if (appealed) name = appealed.name ?? `${sha256.slice(0, 12)}`;
  }
  if (!name) return undefined;
  // Read as base64 text: much faster than a bytea value on the embedded database.
  const [file] = await db
    .select({ size: evidence.size, mime: evidence.mime, content: sql<string>`encode(${evidence.content}, 'base64')` })
    .from(evidence)
    .where(eq(evidence.sha256, sha256));
  return file ? { size: file.size, mime: file.mime, content: Buffer.from(file.content, 'base64'), name } : undefined;
}
