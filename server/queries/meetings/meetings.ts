import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../audit.js';
import type { MeetingKind, MeetingStatus } from '../../../domain/meetings.js';
import type { Actor } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { bodies, meetingAgendaItems, meetingUnits, meetings, orgUnits, plans } from '../../db/schema/index.js';
import type { AgendaLine, MeetingListRow } from '../../models/meeting.js';
import { hasRole } from '../../policies/actor.js';
import { taskForcesOf } from '../../policies/report.js';
import { regionIn, scopeOf } from '../regionScope.js';

/** The meetings the actor may read: all of their regions for the leader and the HQ office; a task force's own. */
export function meetingScope(actor: Actor | null): SQL | undefined {
  if (hasRole(actor, 'leader', 'hq_office')) return regionIn(meetings.regionId, scopeOf(actor));
  const own = taskForcesOf(actor);
  return own.length ? and(eq(meetings.kind, 'task_force'), inArray(meetings.bodyId, own)) : sql`false`;
}

const listColumns = {
  meeting: meetings,
  bodyName: bodies.name,
  // Named in full: the subqueries' tables have an "id" of their own.
  agendaCount: sql<number>`(select count(*)::int from meeting_agenda_items a where a.meeting_id = "meetings"."id")`,
  decisionCount: sql<number>`(select count(*)::int from dispatches d where d.subject_type = 'meeting' and d.subject_id = "meetings"."id")`,
  closedByName: sql<string | null>`(select u.display_name from users u where u.id = "meetings"."closed_by_id")`,
};

/** Meetings the actor may read, the latest day first, one page. */
export async function listMeetings(
  db: Executor,
  actor: Actor | null,
  f: { kind?: MeetingKind | undefined; status?: MeetingStatus | undefined; q?: string | undefined },
  page: number,
  perPage: number,
) {
  const where = and(
    meetingScope(actor),
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.status ? eq(meetings.status, f.status) : undefined,
    f.q ? ilike(meetings.title, `%${escapeLike(f.q)}%`) : undefined,
  );
  const rows = await db
    .select(listColumns)
    .from(meetings)
    .leftJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where)
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt), desc(meetings.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(meetings).where(where);
  return { rows: rows as MeetingListRow[], total: n?.n ?? 0 };
}

/** One meeting if the actor may read it. */
export async function findMeeting(db: Executor, actor: Actor | null, id: string): Promise<MeetingListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(meetings)
    .leftJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.id, id), meetingScope(actor)));
  return row as MeetingListRow | undefined;
}

/** The attending units, in the district's order. */
export function attendingUnits(db: Executor, meetingId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(meetingUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, meetingUnits.unitId))
    .where(eq(meetingUnits.meetingId, meetingId))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.code), asc(orgUnits.id));
}

/** The agenda in its order, with the unit or task force heard and the plan reviewed. */
export async function agendaLines(db: Executor, meetingId: string): Promise<AgendaLine[]> {
  return db
    .select({ item: meetingAgendaItems, unitName: orgUnits.name, bodyName: bodies.name, planTitle: plans.title, planStatus: plans.status })
    .from(meetingAgendaItems)
    .leftJoin(orgUnits, eq(orgUnits.id, meetingAgendaItems.unitId))
    .leftJoin(bodies, eq(bodies.id, meetingAgendaItems.bodyId))
    .leftJoin(plans, eq(plans.id, meetingAgendaItems.planId))
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id));
}

/** One agenda item of a meeting (undefined when it is another meeting's). */
export async function findAgendaItem(db: Executor, meetingId: string, itemId: string): Promise<AgendaLine | undefined> {
  const lines = await db
    .select({ item: meetingAgendaItems, unitName: orgUnits.name, bodyName: bodies.name, planTitle: plans.title, planStatus: plans.status })
    .from(meetingAgendaItems)
    .leftJoin(orgUnits, eq(orgUnits.id, meetingAgendaItems.unitId))
    .leftJoin(bodies, eq(bodies.id, meetingAgendaItems.bodyId))
    .leftJoin(plans, eq(plans.id, meetingAgendaItems.planId))
    .where(and(eq(meetingAgendaItems.meetingId, meetingId), eq(meetingAgendaItems.id, itemId)));
  return lines[0];
}
