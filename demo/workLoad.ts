import { areas, blockerItems, blockers, dispatchRecipients, dispatches, milestones, planAreas, plans, planVersions, programs, projectMonths, projects, projectYearPlans, reports, reportSteps, targetActuals, targetGoals, targets, tasks, taskUnits } from '../server/db/schema/index.js';
import { markMidnightRun } from '../server/jobs/midnightRuns.js';
import { lightEnv, refreshAllLights } from '../server/lights/refresh.js';
import { bulkInsert, bulkInsertJson } from './bulkInsert.js';
import type { DemoContext } from './index.js';
import { buildBlockers } from './workBlockers.js';
import { buildInstructions } from './workInstructions.js';
import { loadLedger } from './workLedger.js';
import { loadOversight } from './workOversight.js';
import { loadComplaints } from './workComplaints.js';
import { loadPromises } from './workPromises.js';
import { loadBulletins } from './workBulletins.js';
import { loadArticles } from './workArticles.js';
import { loadAssessments } from './workAssessments.js';
import { loadReminders } from './workReminders.js';
import { lightHistoryOff, lightHistoryOn, seedLightHistory } from './workLightHistory.js';
import { loadMeetings } from './workMeetings.js';
import { loadVisitsAndDirectives } from './workVisitsAndDirectives.js';
import { buildEvidence, insertEvidence } from './workEvidence.js';
import { buildProjects } from './workBuildProjects.js';
import { buildTargets } from './workBuildTargets.js';
import { buildTasks } from './workBuildTasks.js';
import { DEMO_AREAS_OF_WORK, DEMO_MEETING_DECISION, DEMO_PLANS, demoYearGoals } from './workPlans.js';
import { DEMO_PROJECTS } from './workProjects.js';
import { DemoRandom } from './workRandom.js';
import { demoRefs } from './workRefs.js';
import { at, demoClock } from './workSchedule.js';
import { DEMO_TARGETS } from './workTargets.js';
import { DEMO_TASKS } from './workTasks.js';

const isApproved = (s: string) => s === 'approved' || s === 'published';

/** The seed depends on the load date only: the same day gives the same district. */
const seedOf = (today: string) => [...today].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);

/**
 * The work itself for the demo district: the program and its year goals, the seven areas, the
 * 1+6 plans and the four mechanism plans, targets, task trees with claims and milestones, key
 * projects, the report history up to today with its evidence files; then every light is computed
 * from those facts.
 * Rows go in as bulk inserts inside the loader's one transaction (its one audit record counts them).
 */
export async function loadWork(ctx: DemoContext): Promise<void> {
  const { tx } = ctx;
  const env = await lightEnv(tx);
  const c = demoClock(env.today, env.calendar);
  const rng = new DemoRandom(seedOf(env.today));

  const [program] = await tx
    .insert(programs)
    .values({ id: rng.uuid(), regionId: ctx.regionId, code: 'QMZX-3YR', name: '全面振兴新突破三年行动', startYear: c.startYear, endYear: c.startYear + 2, yearGoals: demoYearGoals(c.startYear) })
    .returning({ id: programs.id });
  const programId = program!.id;
  const areaRows = DEMO_AREAS_OF_WORK.map((a, i) => ({ id: rng.uuid(), programId, code: a.code, name: a.name, sort: i }));
  await bulkInsert(tx, areas, areaRows);
  const areaIds = new Map(areaRows.map((a) => [a.code, a.id]));

  const approved = at(c.programStart, 11);
  const planRows = DEMO_PLANS.map((p) => ({
    id: rng.uuid(),
    programId,
    kind: p.kind,
    code: p.code,
    title: p.title,
    summary: p.summary,
    status: p.status,
    taskForceId: p.taskForce ? ctx.bodies.get(p.taskForce)! : null,
    leadUnitId: ctx.units.get(p.leadUnit)!,
    // The overall plan was revised once; the plan under review was returned once and resubmitted.
    currentVersionNo: p.kind === 'overall' || p.status === 'under_review' ? 2 : 1,
    approvedById: isApproved(p.status) ? (ctx.users.get('leader') ?? null) : null,
    approvedAt: isApproved(p.status) ? approved : null,
    decisionRef: isApproved(p.status) ? DEMO_MEETING_DECISION : null,
    publishedAt: p.status === 'published' ? at(c.cal.addWorkdays(c.programStart, 2), 9) : null,
    createdAt: at(c.cal.addWorkdays(c.programStart, -10), 9),
  }));
  await bulkInsert(tx, plans, planRows);
  const hq = ctx.users.get('hq_office') ?? null;
  await bulkInsert(
    tx,
    planVersions,
    planRows.flatMap((p) =>
      Array.from({ length: p.currentVersionNo }, (_, i) => ({
        planId: p.id,
        versionNo: i + 1,
        title: p.title,
        summary: i === 0 ? p.summary : `${p.summary}（修订稿）`,
        createdById: hq,
        createdAt: at(c.cal.addWorkdays(c.programStart, i === 0 ? -10 : 30), 9),
      })),
    ),
  );
  await bulkInsert(
    tx,
    planAreas,
    DEMO_PLANS.flatMap((p, i) => p.areas.map((a) => ({ planId: planRows[i]!.id, areaId: areaIds.get(a)! }))),
  );

  const refs = demoRefs({
    units: ctx.units,
    users: ctx.users,
    plans: new Map(planRows.map((p) => [p.code, p.id])),
    areas: areaIds,
    planTaskForce: new Map(DEMO_PLANS.map((p) => [p.code, p.taskForce])),
  });
  const builtTasks = buildTasks(DEMO_TASKS, refs, c, rng);
  const builtTargets = buildTargets(DEMO_TARGETS, refs, c, rng);
  const builtProjects = buildProjects(DEMO_PROJECTS, refs, c, rng);
  const series = [...builtTasks.series, ...builtTargets.series, ...builtProjects.series];
  const reportRows = series.flatMap((s) => s.reports);

  await bulkInsert(tx, tasks, builtTasks.tasks);
  await bulkInsert(tx, taskUnits, builtTasks.taskUnits);
  await bulkInsert(tx, milestones, builtTasks.milestones);
  await bulkInsert(tx, targets, builtTargets.targets);
  await bulkInsert(tx, targetGoals, builtTargets.goals);
  await bulkInsert(tx, projects, builtProjects.projects);
  await bulkInsert(tx, projectYearPlans, builtProjects.yearPlans);
  await bulkInsertJson(tx, reports, reportRows);
  await bulkInsertJson(tx, reportSteps, series.flatMap((s) => s.steps));
  // A stream of its own, so giving reports their evidence leaves the rest of the district as it was.
  const evidenceRows = buildEvidence(reportRows, new DemoRandom(seedOf(env.today) ^ 0x5eed_f11e));
  await insertEvidence(tx, evidenceRows);
  await bulkInsert(tx, targetActuals, builtTargets.actuals);
  await bulkInsert(tx, projectMonths, builtProjects.months);
  const blockerRows = buildBlockers(builtTasks.troubled, builtProjects.late, c, rng);
  await bulkInsert(tx, blockers, blockerRows);
  await bulkInsert(tx, blockerItems, blockerRows.map((b) => ({ blockerId: b.id!, itemType: b.itemType, itemId: b.itemId })));
  const titles = new Map(builtTasks.tasks.map((t) => [t.id!, t.title]));
  const instructions = buildInstructions(builtTasks.troubled, titles, ctx.users.get('leader') ?? null, ctx.regionId, c, rng);
  await bulkInsert(tx, dispatches, instructions.dispatches);
  await bulkInsert(tx, dispatchRecipients, instructions.recipients);

  // Lights are facts' consequences: computed once here, then kept current by commands and the midnight job.
  await lightHistoryOff(tx);
  await refreshAllLights(tx, env);
  await lightHistoryOn(tx);
  await markMidnightRun(tx, env.today);
  // A stream of its own, so that the meetings leave the rest of the district as it was.
  const meetingCount = await loadMeetings(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x6d65_6574));
  const fromAbove = await loadVisitsAndDirectives(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x7669_7369));
  const ledger = await loadLedger(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x6475_6368));
  // Not counted in the load's audit record: the auditor reads it, and cases are not theirs to count.
  await loadOversight(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x6a77_6a77));
  await loadComplaints(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x636f_6d70));
  // Requests and promises name no case: counted like the rest of the district's work.
  const promised = await loadPromises(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x7072_6f6d));
  const bulletinsAndNotices = await loadBulletins(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x6275_6c6c));
  // Before the articles: last month's 简报, published after the quarter's result, reports its ranking.
  const assessments = await loadAssessments(ctx, c, env.today);
  const published = await loadArticles(ctx, c, new DemoRandom(seedOf(env.today) ^ 0x7075_626c));
  const lightMoves = await seedLightHistory(tx, c, new DemoRandom(seedOf(env.today) ^ 0x6c69_6768));
  const inboxes = await loadReminders(ctx, env.today);

  Object.assign(ctx.counts, {
    plans: planRows.length,
    assessments,
    areas: areaRows.length,
    targets: builtTargets.targets.length,
    tasks: builtTasks.tasks.length,
    projects: builtProjects.projects.length,
    reports: reportRows.length,
    evidenceFiles: evidenceRows.files.length,
    reportEvidence: evidenceRows.links.length,
    blockers: blockerRows.length,
    instructions: instructions.dispatches.length,
    meetings: meetingCount,
    ...fromAbove,
    ...ledger,
    ...bulletinsAndNotices,
    ...published,
    ...promised,
    lightChanges: lightMoves,
    ...inboxes,
  });
}
