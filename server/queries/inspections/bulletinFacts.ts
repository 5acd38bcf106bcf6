import { and, asc, count, countDistinct, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { districtName } from '../org.js';
import { TO_RECTIFY_LISTED, type BulletinFacts } from '../../../domain/bulletin.js';
import { fromDayNumber, dayNumber, type IsoDate } from '../../../domain/calendar/days.js';
import { lateWorkdays } from '../../../domain/dispatch.js';
import { KEY_LINKS, RECTIFICATION_OWED, type InspectionKind, type KeyLink } from '../../../domain/ledger.js';
import type { Executor } from '../../db/client.js';
import { inspections, ledgerEntries, orgUnits } from '../../db/schema/index.js';
import { currentCalendar } from '../calendar.js';
import { unitIn } from '../regionScope.js';

/** The start of a day in Asia/Shanghai as an instant: "found in the period" compares instants, so the index on the stamp serves. */
const dayStart = (d: IsoDate) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: IsoDate) => fromDayNumber(dayNumber(d) + 1);
const shanghaiDay = (col: SQL | typeof ledgerEntries.rectifiedAt) => sql<string>`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
const LATE_REASONS = sql`(light_reasons @> '[{"code":"overdue"}]' or light_reasons @> '[{"code":"milestone_overdue"}]' or light_reasons @> '[{"code":"claim_overdue"}]')`;

export interface BulletinScope {
  periodFrom: IsoDate;
  periodTo: IsoDate;
  /** The bulletin's region: its units' findings and items, its campaigns only. */
  regionId: string;
  /** One campaign: its findings and its units only. */
  campaign: { id: string; title: string; kind: string; unitIds: string[] } | null;
}

/** Still owed (or judged not effective and waiting to be reopened): what the bulletin asks to rectify. */
const stillToRectify = or(inArray(ledgerEntries.status, [...RECTIFICATION_OWED]), and(eq(ledgerEntries.status, 'verified'), eq(ledgerEntries.verdict, 'not_effective')))!;

/**
 * What the ledger and the lights say about a period, for domain/bulletin.ts to write up: campaigns
 * active in it, findings recorded in it, findings closed effective in it, rectifications late and
 * items red or overdue today, and the findings still to be rectified. A fixed number of statements
 * whatever the period's size (grouped in the database; only the listed findings come back as rows).
 */
export async function bulletinFacts(db: Executor, s: BulletinScope, today: IsoDate, issuer: string): Promise<BulletinFacts> {
  const inCampaign = and(s.campaign ? eq(ledgerEntries.inspectionId, s.campaign.id) : undefined, unitIn(ledgerEntries.unitId, [s.regionId]));
  const found = and(inCampaign, gte(ledgerEntries.createdAt, dayStart(s.periodFrom)), lt(ledgerEntries.createdAt, dayStart(nextDay(s.periodTo))));
  const unitName = sql<string>`coalesce(${orgUnits.name}, '')`;
  const units = s.campaign?.unitIds ?? null;

  const [campaigns, byLink, foundUnits, didWell, late, items, toRectify, [rest], cal] = await Promise.all([
    s.campaign
      ? Promise.resolve([{ title: s.campaign.title, kind: s.campaign.kind, units: s.campaign.unitIds.length }])
      : db
          .select({ title: inspections.title, kind: inspections.kind, units: sql<number>`cardinality(${inspections.unitIds})::int` })
          .from(inspections)
          .where(and(eq(inspections.regionId, s.regionId), lte(inspections.periodFrom, s.periodTo), gte(inspections.periodTo, s.periodFrom)))
          .orderBy(asc(inspections.periodFrom), asc(inspections.title)),
    db.select({ link: ledgerEntries.keyLink, n: count() }).from(ledgerEntries).where(found).groupBy(ledgerEntries.keyLink),
    db.select({ n: countDistinct(ledgerEntries.unitId) }).from(ledgerEntries).where(found),
    db
      .select({ unit: unitName, closed: count(), onTime: sql<number>`count(*) filter (where ${shanghaiDay(ledgerEntries.rectifiedAt)} <= ${ledgerEntries.deadline})::int` })
      .from(ledgerEntries)
      .leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId))
      .where(and(inCampaign, eq(ledgerEntries.status, 'closed'), eq(ledgerEntries.verdict, 'effective'), gte(ledgerEntries.closedAt, dayStart(s.periodFrom)), lt(ledgerEntries.closedAt, dayStart(nextDay(s.periodTo)))))
      .groupBy(orgUnits.name)
      .orderBy(sql`count(*) desc`, asc(unitName)),
    db
      .select({ unit: unitName, count: count(), oldest: sql<string>`min(${ledgerEntries.deadline})` })
      .from(ledgerEntries)
      .leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId))
      .where(and(inCampaign, inArray(ledgerEntries.status, [...RECTIFICATION_OWED]), lt(ledgerEntries.deadline, today)))
      .groupBy(orgUnits.name)
      .orderBy(sql`count(*) desc`, asc(unitName)),
    lateItems(db, s.regionId, units),
    db
      .select({ unit: unitName, finding: ledgerEntries.finding, requirement: ledgerEntries.requirement, deadline: ledgerEntries.deadline, status: ledgerEntries.status })
      .from(ledgerEntries)
      .leftJoin(orgUnits, eq(orgUnits.id, ledgerEntries.unitId))
      .where(and(inCampaign, stillToRectify))
      .orderBy(asc(ledgerEntries.deadline), asc(unitName), asc(ledgerEntries.id))
      .limit(TO_RECTIFY_LISTED),
    db.select({ n: count() }).from(ledgerEntries).where(and(inCampaign, stillToRectify)),
    currentCalendar(db),
  ]);
  const links = Object.fromEntries(KEY_LINKS.map((k) => [k, 0])) as Record<KeyLink, number>;
  for (const r of byLink) if ((KEY_LINKS as readonly string[]).includes(r.link)) links[r.link as KeyLink] = r.n;
  return {
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    today,
    issuer,
    campaigns: campaigns.map((c) => ({ title: c.title, kind: c.kind as InspectionKind, units: c.units })),
    found: { entries: byLink.reduce((n, r) => n + r.n, 0), units: foundUnits[0]?.n ?? 0, byLink: links },
    didWell: didWell.map((r) => ({ unit: r.unit, closed: r.closed, onTime: r.onTime })),
    lateEntries: late.map((r) => ({ unit: r.unit, count: r.count, worstWorkdays: lateWorkdays(cal, r.oldest, today) })),
    lateItems: items,
    toRectify: toRectify.map((r) => ({ unit: r.unit, finding: r.finding, requirement: r.requirement, deadline: r.deadline, overdue: (RECTIFICATION_OWED as readonly string[]).includes(r.status) && r.deadline < today })),
    toRectifyTotal: rest?.n ?? 0,
  };
}

/** Units answerable for red or overdue items now (a task's lead unit, a project's responsible unit, a target's data unit), worst first. */
async function lateItems(db: Executor, regionId: string, units: string[] | null): Promise<BulletinFacts['lateItems']> {
  const within = units ? sql`and unit_id = any(${sql`array[${sql.join(units.length ? units.map((u) => sql`${u}`) : [sql`null`], sql`, `)}]::uuid[]`})` : sql``;
  const troubled = sql`(light = 'red' or ${LATE_REASONS})`;
  const { rows } = (await db.execute(sql`
    with x as (
      select lead_unit_id as unit_id, light, light_reasons from tasks where ${troubled}
      union all select responsible_unit_id, light, light_reasons from projects where ${troubled}
      union all select data_unit_id, light, light_reasons from targets where ${troubled}
    )
    select u.name as unit, count(*) filter (where x.light = 'red')::int as red, count(*) filter (where ${LATE_REASONS})::int as overdue
    from x join org_units u on u.id = x.unit_id
    where u.region_id = ${regionId} ${within}
    group by u.name
    order by count(*) desc, u.name collate "C"
  `)) as unknown as { rows: { unit: string; red: number; overdue: number }[] };
  return rows.map((r) => ({ unit: r.unit, red: Number(r.red), overdue: Number(r.overdue) }));
}

/** Who signs bulletins and notices: the 督查室 of the region they belong to (a bulletin's, a notice's unit's). */
export async function inspectionOffice(db: Executor, regionId: string | null): Promise<string> {
  return `${(await districtName(db, regionId)) ?? ''}督查室`;
}

/** Who issues a bulletin of this region: its inspection office's name. */
export const bulletinIssuer = (db: Executor, regionId: string): Promise<string> => inspectionOffice(db, regionId);
