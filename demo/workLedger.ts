import { and, asc, eq, notInArray } from 'drizzle-orm';
import { defaultRectifyDeadline, type KeyLink, type LedgerSource, type LedgerStatus, type LedgerVerdict } from '../domain/ledger.js';
import { areas, blockers, evidence, inspections, ledgerEntries, ledgerEvidence, ledgerItems, projects, tasks, taskUnits } from '../server/db/schema/index.js';
import { staffAccount } from './accounts.js';
import type { DemoContext } from './index.js';
import { DEMO_UNITS } from './org.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

/** An item in trouble after the lights were computed: what an inspector opens an entry from. */
interface Troubled {
  itemType: 'task' | 'project';
  itemId: string;
  unitId: string;
  title: string;
  source: LedgerSource;
  sourceId: string;
}

/**
 * One entry's story: when it was found (workdays before the load day), its state now, and the
 * steps behind that state, each `after` workdays after the finding. `reopened` went through a
 * verdict of not effective first.
 */
interface Story {
  campaign: 'routine' | 'special';
  link: KeyLink;
  found: number;
  status: LedgerStatus;
  acknowledged?: number;
  rectified?: { after: number; measures: string };
  verified?: { after: number; verdict: LedgerVerdict; comment: string };
  closed?: number;
  reopened?: { after: number; reason: string };
  /** The inspector's own deadline, in workdays from the load day (default: 10 workdays after the finding). */
  deadline?: number;
}

/** Every state the ledger knows, told as the inspection office would have lived them. */
const STORIES: Story[] = [
  { campaign: 'routine', link: 'delivery', found: 2, status: 'open' },
  // Found three weeks ago, still not acknowledged: late.
  { campaign: 'routine', link: 'implementation', found: 15, status: 'open' },
  { campaign: 'routine', link: 'planning', found: 4, status: 'rectifying', acknowledged: 1 },
  { campaign: 'routine', link: 'delivery', found: 8, status: 'submitted', acknowledged: 1, rectified: { after: 6, measures: '已倒排工期、挂图作战，增派施工力量，每周向指挥部办公室报送进度。' } },
  { campaign: 'special', link: 'implementation', found: 12, status: 'submitted', acknowledged: 1, rectified: { after: 9, measures: '已召开专题会研究解决，明确分管领导包保，建立问题销号清单。' } },
  {
    campaign: 'routine', link: 'delivery', found: 20, status: 'verified', acknowledged: 1,
    rectified: { after: 8, measures: '已完成欠报数据补报，建立专人负责的月报制度。' },
    verified: { after: 10, verdict: 'effective', comment: '抽查近两期报送，均按时准确，整改到位。' },
  },
  {
    campaign: 'special', link: 'planning', found: 18, status: 'verified', acknowledged: 2,
    rectified: { after: 9, measures: '已修订实施方案，细化节点。' },
    verified: { after: 12, verdict: 'not_effective', comment: '方案节点仍未细化到月，责任人未明确，整改不到位。' },
  },
  {
    campaign: 'routine', link: 'implementation', found: 30, status: 'closed', acknowledged: 1,
    rectified: { after: 7, measures: '已建立周调度机制，项目台账按周更新。' },
    verified: { after: 10, verdict: 'effective', comment: '现场核查，台账更新及时，问题已解决。' },
    closed: 11,
  },
  {
    campaign: 'routine', link: 'delivery', found: 16, status: 'rectifying', acknowledged: 1, deadline: 5,
    rectified: { after: 6, measures: '已协调施工单位加快进度。' },
    verified: { after: 8, verdict: 'not_effective', comment: '实地查看，主体工程进度仍滞后序时约三周。' },
    reopened: { after: 9, reason: '整改成效不明显，请继续整改并于复查前报送新的赶超计划。' },
  },
];

const FINDING: Record<LedgerSource, (title: string) => string> = {
  red_light: (t) => `“${t}”亮红灯，工作进度明显滞后于序时进度`,
  overdue: (t) => `“${t}”已超过完成时限，未按期完成`,
  blocker: (t) => `“${t}”堵点久拖未决，影响项目推进`,
  field_visit: (t) => t,
  entered: (t) => t,
};
const REQUIREMENT: Record<KeyLink, string> = {
  planning: '重新细化实施方案，明确时间节点和责任人，报指挥部办公室备案',
  implementation: '明确分管领导和专人负责，建立周调度机制，按期报送整改进展',
  delivery: '倒排工期、挂图作战，制定赶超计划，确保追上序时进度',
};

/** Red or overdue tasks (by their lead unit) and red projects, the liaison account's unit first so its login has entries to act on. */
async function troubledItems(ctx: DemoContext): Promise<{ routine: Troubled[]; special: Troubled[] }> {
  const { tx } = ctx;
  const red = await tx
    .select({ id: tasks.id, title: tasks.title, unitId: taskUnits.unitId, reasons: tasks.lightReasons })
    .from(tasks)
    .innerJoin(taskUnits, and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, 'lead')))
    .where(eq(tasks.light, 'red'))
    .orderBy(asc(tasks.code));
  const mine = ctx.units.get('jianshe');
  const ordered = [...red.filter((t) => t.unitId === mine), ...red.filter((t) => t.unitId !== mine)];
  const routine = ordered.map((t): Troubled => {
    const late = (t.reasons as { code: string }[]).some((r) => r.code === 'overdue' || r.code === 'milestone_overdue');
    return { itemType: 'task', itemId: t.id, unitId: t.unitId, title: t.title, source: late ? 'overdue' : 'red_light', sourceId: t.id };
  });
  // The special campaign looks at key projects: the blockers holding them back, then red projects.
  const stuck = await tx
    .select({ id: blockers.id, title: blockers.title, unitId: blockers.unitId, itemId: blockers.itemId, project: projects.name })
    .from(blockers)
    .innerJoin(projects, eq(projects.id, blockers.itemId))
    .where(and(eq(blockers.itemType, 'project'), notInArray(blockers.status, ['resolved', 'closed'])))
    .orderBy(asc(projects.code), asc(blockers.title));
  const redProjects = await tx
    .select({ id: projects.id, name: projects.name, unitId: projects.responsibleUnitId })
    .from(projects)
    .where(eq(projects.light, 'red'))
    .orderBy(asc(projects.code));
  const special = [
    ...stuck.map((b): Troubled => ({ itemType: 'project', itemId: b.itemId, unitId: b.unitId, title: `${b.project}${b.title}`, source: 'blocker', sourceId: b.id })),
    ...redProjects.map((p): Troubled => ({ itemType: 'project', itemId: p.id, unitId: p.unitId, title: p.name, source: 'red_light', sourceId: p.id })),
  ];
  return { routine, special: special.length ? special : routine };
}

/**
 * The 督查 ledger of the demo district: this quarter's routine inspection and a special inspection
 * of the key projects, with entries in every state of the flow — found today and three weeks ago,
 * being rectified, rectification submitted, verified effective and not effective, closed, one
 * reopened — each opened from a real red or overdue item or a project's blocker, each step with the
 * person who took it (the unit's liaison or head, the 督查室) and when, each rectification with its
 * measures and a file from the evidence store. Loaded after the lights and the reports' evidence.
 */
export async function loadLedger(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<{ inspections: number; ledgerEntries: number; ledgerEvidence: number }> {
  const { tx } = ctx;
  const inspector = ctx.users.get('inspector') ?? null;
  const office = ctx.users.get('hq_office') ?? null;
  const unitCode = new Map([...ctx.units].map(([code, id]) => [id, code]));
  const person = (role: 'liaison' | 'unit_head', unitId: string) => ctx.users.get(staffAccount(role, unitCode.get(unitId)!)) ?? null;
  const day = (workdaysAgo: number) => c.cal.addWorkdays(c.today, -workdaysAgo);

  const pool = await troubledItems(ctx);
  const picks = { routine: 0, special: 0 };
  const placed = STORIES.map((s) => {
    const list = pool[s.campaign];
    return { story: s, item: list.length ? list[picks[s.campaign]++ % list.length]! : null };
  }).filter((p): p is { story: Story; item: Troubled } => p.item !== null);
  if (!placed.length) return { inspections: 0, ledgerEntries: 0, ledgerEvidence: 0 };

  const year = c.today.slice(0, 4);
  const campaigns = {
    routine: { id: rng.uuid(), kind: 'routine', title: `${year}年三年行动常态化督导检查`, periodFrom: day(35), periodTo: c.cal.addWorkdays(c.today, 30), createdAt: at(day(36), 9) },
    special: { id: rng.uuid(), kind: 'special', title: '重点项目建设专项督查', periodFrom: day(25), periodTo: c.cal.addWorkdays(c.today, 20), createdAt: at(day(26), 9) },
  };
  const towns = DEMO_UNITS.filter((u) => u.kind === 'subdistrict' || u.kind === 'town').map((u) => ctx.units.get(u.code)!);
  const scope = (k: 'routine' | 'special') => [...new Set([...(k === 'routine' ? towns : []), ...placed.filter((p) => p.story.campaign === k).map((p) => p.item.unitId)])];
  // The special campaign looks at the projects and tasks it found trouble in, in the area of industry.
  const industry = await tx.select({ id: areas.id }).from(areas).where(eq(areas.code, 'industry'));
  const specialItems = [...new Map(placed.filter((p) => p.story.campaign === 'special').map((p) => [p.item.itemId, { itemType: p.item.itemType, itemId: p.item.itemId }])).values()];
  await tx.insert(inspections).values(
    (['routine', 'special'] as const).map((k) => ({
      ...campaigns[k],
      areaIds: k === 'special' ? industry.map((a) => a.id) : [],
      items: k === 'special' ? specialItems : [],
      description: k === 'routine' ? '对照三年行动任务清单，督导检查各责任单位谋划部署、组织实施、推进落实情况。' : '聚焦重点项目建设中的堵点难点，跟踪问效，推动问题整改销号。',
      unitIds: scope(k),
      inspectorIds: inspector ? [inspector] : [],
      createdById: office,
      regionId: ctx.regionId,
    })),
  );

  const rows = placed.map(({ story: s, item }) => {
    const found = day(s.found);
    const step = (after: number | undefined, hour: number) => (after === undefined ? null : at(c.cal.addWorkdays(found, after), hour));
    // A unit's head submits the rectifications the inspector then verifies; its liaison signs for the finding.
    return {
      id: rng.uuid(),
      inspectionId: campaigns[s.campaign].id,
      unitId: item.unitId,
      keyLink: s.link,
      finding: FINDING[item.source](item.title),
      requirement: REQUIREMENT[s.link],
      deadline: s.deadline !== undefined ? c.cal.addWorkdays(c.today, s.deadline) : defaultRectifyDeadline(c.cal, found),
      sourceKind: item.source,
      sourceId: item.sourceId,
      status: s.status,
      verdict: s.verified?.verdict ?? null,
      verifyComment: s.verified?.comment ?? null,
      measures: s.rectified?.measures ?? null,
      reopenCount: s.reopened ? 1 : 0,
      reopenReason: s.reopened?.reason ?? null,
      createdById: inspector,
      createdAt: at(found, 10),
      acknowledgedById: s.acknowledged === undefined ? null : person('liaison', item.unitId),
      acknowledgedAt: step(s.acknowledged, 9),
      rectifiedById: s.rectified ? person('unit_head', item.unitId) : null,
      rectifiedAt: step(s.rectified?.after, 16),
      verifiedById: s.verified ? inspector : null,
      verifiedAt: step(s.verified?.after, 15),
      closedById: s.closed === undefined ? null : inspector,
      closedAt: step(s.closed, 11),
      reopenedById: s.reopened ? inspector : null,
      reopenedAt: step(s.reopened?.after, 10),
      // Each step after the finding moved the row's version once, as takeStep does.
      version: [s.acknowledged, s.rectified, s.verified, s.closed, s.reopened].filter((x) => x !== undefined).length,
    };
  });
  await tx.insert(ledgerEntries).values(rows);
  await tx.insert(ledgerItems).values(rows.map((r, i) => ({ entryId: r.id, itemType: placed[i]!.item.itemType, itemId: placed[i]!.item.itemId })));
  // Rectifications prove themselves with files already in the evidence store (issue 22: reused, never uploaded twice).
  const files = await tx.select({ sha256: evidence.sha256, mime: evidence.mime }).from(evidence).orderBy(asc(evidence.sha256)).limit(4);
  const proved = rows.filter((r) => r.measures !== null);
  const links = files.length ? proved.map((r, i) => ({ entryId: r.id, sha256: files[i % files.length]!.sha256, mime: files[i % files.length]!.mime })) : [];
  if (links.length) await tx.insert(ledgerEvidence).values(links.map(({ entryId, sha256, mime }) => ({ entryId, sha256, name: mime === 'application/pdf' ? '整改情况说明.pdf' : '整改后现场照片.png' })));
  return { inspections: 2, ledgerEntries: rows.length, ledgerEvidence: links.length };
}
