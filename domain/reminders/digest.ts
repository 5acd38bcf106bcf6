import type { IsoDate } from '../calendar/days.js';
import type { WorkdayCalendar } from '../calendar/workdays.js';
import { reachedStep, stepRank, stepToSend, type LadderSettings, type ReminderKind, type ReminderStep } from './ladder.js';

/** Something due that a unit answers for: the pure rules' view of a row the server read. */
export interface DueThing {
  kind: ReminderKind;
  /**
   * Its identity, due day included: the same report period, deadline, milestone or claim keeps
   * its key day after day (so a step is sent once), and a deadline moved starts the ladder again.
   */
  key: string;
  itemType: 'task' | 'target' | 'project';
  itemId: string;
  code: string;
  title: string;
  unitId: string;
  /** The task force of the item's plan: it hears of a 督办. */
  taskForceId: string | null;
  due: IsoDate;
  /** The report period (kind `report`) or the milestone's name (kind `milestone`). */
  period?: string | null;
  milestone?: string | null;
}

/** The claim kinds: chased up to the HQ office, whose desk follows claims, not the task force. */
const CLAIM_KINDS: ReadonlySet<ReminderKind> = new Set(['claim', 'claim_review', 'claim_returned']);

/** Who holds which role where: users by unit (liaisons, heads), by task force, and the HQ office by region. */
export interface People {
  liaisons: ReadonlyMap<string, readonly string[]>;
  heads: ReadonlyMap<string, readonly string[]>;
  taskForces: ReadonlyMap<string, readonly string[]>;
  /** The HQ office's accounts by the region of their unit. */
  hqOffice: ReadonlyMap<string, readonly string[]>;
  /** Each unit's region, and each region's parent (null at the top). */
  unitRegion: ReadonlyMap<string, string>;
  regionParent: ReadonlyMap<string, string | null>;
}

/**
 * The HQ office that chases a unit's work: its own region's (a district's office, never another
 * district's: the region seal, issue 25), else the nearest region above that has one.
 */
export function hqOfficeOf(unitId: string, people: People): readonly string[] {
  const seen = new Set<string>();
  for (let r = people.unitRegion.get(unitId) ?? null; r !== null && !seen.has(r); r = people.regionParent.get(r) ?? null) {
    seen.add(r);
    const office = people.hqOffice.get(r);
    if (office?.length) return office;
  }
  return [];
}

/**
 * Who receives a step, as an office would expect it: the unit's liaison (联络员) does the work of
 * reporting and claiming and hears first; from 催报/催办 on, the unit head (一把手) too, who is
 * accountable; at 督办 the body above the unit as well — the task force that owns the item's plan
 * (专项推进组, which reviews its reports), or the unit's region's HQ office (hqOfficeOf) for a claim (its desk chases late claims)
 * and for a plan without a task force. A unit without a liaison has its head hear every step. A
 * claim waiting for approval (待审核认领) goes to the head from the first step; a returned one
 * (被退回认领) to the liaison, as a claim does.
 */
export function recipientsOf(thing: DueThing, step: ReminderStep, people: People): string[] {
  const liaisons = people.liaisons.get(thing.unitId) ?? [];
  const heads = people.heads.get(thing.unitId) ?? [];
  // A claim awaiting approval is the head's alone to act on: only the head hears of it.
  const out = new Set<string>(thing.kind === 'claim_review' ? heads : liaisons.length ? liaisons : heads);
  if (step === 'urge' || step === 'supervise') for (const u of heads) out.add(u);
  if (step === 'supervise') {
    const above = !CLAIM_KINDS.has(thing.kind) && thing.taskForceId ? (people.taskForces.get(thing.taskForceId) ?? []) : [];
    for (const u of above.length ? above : hqOfficeOf(thing.unitId, people)) out.add(u);
  }
  return [...out];
}

/** One line of a digest: the thing, the step, and the workdays left (before) or late (the rest). */
export interface DigestItem {
  kind: ReminderKind;
  step: ReminderStep;
  key: string;
  itemType: DueThing['itemType'];
  itemId: string;
  code: string;
  title: string;
  unitId: string;
  due: IsoDate;
  workdays: number;
  period: string | null;
  milestone: string | null;
}

/** One person's messages of one day. */
export interface Digest {
  userId: string;
  day: IsoDate;
  items: DigestItem[];
}

export interface DigestInput {
  today: IsoDate;
  calendar: WorkdayCalendar;
  settings: LadderSettings;
  things: readonly DueThing[];
  people: People;
  /** Steps each person already had for a thing, by `sentKey(userId, key)`. */
  sent: ReadonlyMap<string, readonly ReminderStep[]>;
}

export const sentKey = (userId: string, key: string) => `${userId} ${key}`;

/** The most pressing first (督办 before 提醒), then the earliest due, then by code. */
const order = (a: DigestItem, b: DigestItem) => stepRank(b.step) - stepRank(a.step) || a.due.localeCompare(b.due) || a.code.localeCompare(b.code) || a.key.localeCompare(b.key);

/**
 * One digest per person for today: every thing whose step today is new to them. A person with
 * nothing new gets no digest at all (never a "0 items" message). Deterministic: the same input
 * gives the same digests in the same order.
 */
export function planDigests(input: DigestInput): Digest[] {
  const byUser = new Map<string, DigestItem[]>();
  for (const thing of input.things) {
    const reached = reachedStep(input.calendar, input.today, thing.due, input.settings);
    if (!reached) continue;
    const left = input.calendar.workdaysUntil(input.today, thing.due);
    for (const userId of recipientsOf(thing, reached, input.people)) {
      const step = stepToSend(reached, input.sent.get(sentKey(userId, thing.key)) ?? []);
      if (!step) continue;
      const item: DigestItem = {
        kind: thing.kind,
        step,
        key: thing.key,
        itemType: thing.itemType,
        itemId: thing.itemId,
        code: thing.code,
        title: thing.title,
        unitId: thing.unitId,
        due: thing.due,
        workdays: Math.abs(left),
        period: thing.period ?? null,
        milestone: thing.milestone ?? null,
      };
      const list = byUser.get(userId);
      if (list) list.push(item);
      else byUser.set(userId, [item]);
    }
  }
  return [...byUser.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([userId, items]) => ({ userId, day: input.today, items: items.sort(order) }));
}
