import { and, asc, eq, inArray } from 'drizzle-orm';
import type { KeyLink } from '../domain/ledger.js';
import type { CaseCategory, CaseDisposal, CaseSource, CaseStatus } from '../domain/oversight.js';
import { blockers, ledgerEntries, oversightCaseNotes, oversightCases, tasks, taskUnits } from '../server/db/schema/index.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

/** One case's story: where it came from, when it was received (workdays ago), its state, and each step's day after receipt. */
interface Story {
  source: Exclude<CaseSource, 'complaint'>;
  category: CaseCategory;
  link: KeyLink | null;
  received: number;
  status: CaseStatus;
  title: (subject: string) => string;
  summary: string;
  verified?: number;
  handled?: { after: number; disposal: CaseDisposal; text: string };
  closed?: number;
  notes: { after: number; text: string }[];
}

/** Every state of the flow, from every kind of source the oversight office works from. */
const STORIES: Story[] = [
  {
    source: 'overdue', category: 'conduct', link: 'delivery', received: 1, status: 'received',
    title: (s) => `“${s}”长期逾期，责任单位涉嫌慢作为`, summary: '任务已超过完成时限，责任单位未说明原因，亦未报送赶超计划。', notes: [],
  },
  {
    source: 'entered', category: 'business_environment', link: null, received: 3, status: 'received',
    title: () => '企业反映某审批窗口要求重复提交材料', summary: '来电反映办理施工许可时被要求三次重复提交同一材料，涉嫌推诿刁难。',
    notes: [{ after: 0, text: '来电登记，已核对企业名称和联系方式。' }],
  },
  {
    source: 'blocker', category: 'conduct', link: 'implementation', received: 9, status: 'verifying', verified: 2,
    title: (s) => `堵点“${s}”久拖未决，相关单位推诿扯皮`, summary: '堵点在同一层级停留超过两周，协调单位之间相互推诿。',
    notes: [{ after: 2, text: '初核：调取堵点办理记录和协调会纪要。' }, { after: 5, text: '已与牵头单位分管负责人了解情况。' }],
  },
  {
    source: 'ledger', category: 'conduct', link: 'planning', received: 20, status: 'handled', verified: 2,
    handled: { after: 12, disposal: 'talk_reminder', text: '对责任单位分管负责人进行谈话提醒，责令限期整改到位。' },
    title: (s) => `督查台账问题整改不力：${s}`, summary: '督查台账问题经核查整改无效，存在敷衍整改情形。',
    notes: [{ after: 3, text: '初核：核实督查台账整改材料与现场不符。' }],
  },
  {
    source: 'red_light', category: 'business_environment', link: 'delivery', received: 35, status: 'closed', verified: 3,
    handled: { after: 15, disposal: 'criticism', text: '对项目服务专班负责人批评教育，督促建立企业诉求限时办结机制。' }, closed: 20,
    title: (s) => `“${s}”持续红灯，涉企服务不到位`, summary: '项目长期亮红灯，企业反映服务专班协调不力。',
    notes: [{ after: 3, text: '初核：走访企业两家，情况基本属实。' }, { after: 20, text: '整改情况已复核，予以办结。' }],
  },
  {
    source: 'entered', category: 'corruption', link: 'implementation', received: 70, status: 'closed', verified: 2,
    handled: { after: 25, disposal: 'referred', text: '发现涉嫌违纪问题线索，按程序移送审查调查部门。' }, closed: 26,
    title: () => '某工程项目招投标环节涉嫌违规问题线索', summary: '反映某工程项目评标过程中存在打招呼、干预评标的情况。', notes: [{ after: 26, text: '已按程序移送，本线索办结。' }],
  },
];

/** Sources for the stories: the oldest red or overdue lead tasks, unresolved blockers, and not-effective ledger entries. */
async function sources(ctx: DemoContext) {
  const { tx } = ctx;
  const red = await tx
    .select({ id: tasks.id, title: tasks.title, unitId: taskUnits.unitId, reasons: tasks.lightReasons })
    .from(tasks)
    .innerJoin(taskUnits, and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, 'lead')))
    .where(eq(tasks.light, 'red'))
    .orderBy(asc(tasks.code))
    .limit(20);
  const late = red.filter((t) => (t.reasons as { code: string }[]).some((r) => r.code === 'overdue' || r.code === 'milestone_overdue'));
  const stuck = await tx
    .select({ id: blockers.id, title: blockers.title, unitId: blockers.unitId })
    .from(blockers)
    .where(inArray(blockers.status, ['open', 'assigned']))
    .orderBy(asc(blockers.levelSince))
    .limit(2);
  const found = await tx.select({ id: ledgerEntries.id, title: ledgerEntries.finding, unitId: ledgerEntries.unitId }).from(ledgerEntries).orderBy(asc(ledgerEntries.createdAt)).limit(2);
  return { red_light: red.filter((t) => !late.includes(t)), overdue: late, blocker: stuck, ledger: found };
}

/**
 * The oversight office's confidential cases (问题线索) in the demo district: one in every state of
 * the flow, opened from an overdue task, a red one, a stuck blocker, a ledger entry found not
 * rectified, or entered from a call, each with its notes by the oversight account and, once
 * handled, its disposal; two closed (one last quarter) so 遏增清存 has figures. Loaded after the ledger.
 */
export async function loadOversight(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<number> {
  const { tx } = ctx;
  const officer = ctx.users.get('oversight') ?? null;
  const pool = await sources(ctx);
  const day = (workdaysAgo: number) => c.cal.addWorkdays(c.today, -workdaysAgo);
  const rows = [];
  const notes = [];
  for (const s of STORIES) {
    const from: { id: string; title: string; unitId: string | null } | null = s.source === 'entered' ? null : (pool[s.source].shift() ?? null);
    // A story whose source the district does not have is told as entered by hand.
    const received = day(s.received);
    const when = (after: number | undefined, hour: number) => (after === undefined ? null : at(c.cal.addWorkdays(received, after), hour));
    const id = rng.uuid();
    rows.push({
      id,
      category: s.category,
      keyLink: s.link,
      unitId: from?.unitId ?? null,
      title: s.title(from?.title ?? '某项重点工作'),
      summary: s.summary,
      sourceKind: from ? s.source : 'entered',
      sourceId: from?.id ?? null,
      status: s.status,
      disposal: s.handled?.disposal ?? null,
      disposalText: s.handled?.text ?? null,
      createdById: officer,
      createdAt: at(received, 10),
      verifiedById: s.verified === undefined ? null : officer,
      verifiedAt: when(s.verified, 9),
      handledById: s.handled ? officer : null,
      handledAt: when(s.handled?.after, 15),
      closedById: s.closed === undefined ? null : officer,
      closedAt: when(s.closed, 16),
      version: [s.verified, s.handled, s.closed].filter((x) => x !== undefined).length,
    });
    notes.push(...s.notes.map((n, i) => ({ id: rng.uuid(), caseId: id, content: n.text, authorId: officer, createdAt: at(c.cal.addWorkdays(received, n.after), 11, i) })));
  }
  await tx.insert(oversightCases).values(rows);
  if (notes.length) await tx.insert(oversightCaseNotes).values(notes);
  return rows.length;
}
