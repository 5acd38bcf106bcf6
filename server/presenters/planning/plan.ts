import type { Light } from '../../../domain/lights.js';
import type { PlanKind, PlanStatus } from '../../../domain/work.js';
import type { planVersions } from '../../db/schema/index.js';
import type { PlanRow } from '../../models/planning.js';
import { iso } from './light.js';

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    programId: p.programId,
    kind: p.kind as PlanKind,
    code: p.code,
    title: p.title,
    summary: p.summary,
    status: p.status as PlanStatus,
    taskForceId: p.taskForceId,
    taskForceName: p.taskForceName,
    leadUnitId: p.leadUnitId,
    leadUnitName: p.leadUnitName,
    areas: p.areas.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    currentVersionNo: p.currentVersionNo,
    approvedById: p.approvedById,
    approvedByName: p.approvedByName,
    approvedAt: iso(p.approvedAt),
    decisionRef: p.decisionRef,
    publishedAt: iso(p.publishedAt),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  };
}

type Counts = Record<Light, number>;

export function presentPlanDetail(p: PlanRow, lastReturn: { reason: string; at: Date } | null, lights: { task: Counts; target: Counts; project: Counts }) {
  return {
    ...presentPlan(p),
    lastReturn: lastReturn ? { reason: lastReturn.reason, at: lastReturn.at.toISOString() } : null,
    taskLights: lights.task,
    targetLights: lights.target,
    projectLights: lights.project,
  };
}

export function presentPlanVersion(v: typeof planVersions.$inferSelect) {
  return { id: v.id, versionNo: v.versionNo, title: v.title, summary: v.summary, createdById: v.createdById, createdAt: v.createdAt.toISOString() };
}
