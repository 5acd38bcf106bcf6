import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../server/db/client.js';
import { lightChanges, projects, targets, tasks } from '../server/db/schema/index.js';
import { bulkInsert } from './bulkInsert.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

/** The loader computes every light at once: that first computation is not history. */
export const lightHistoryOff = (tx: Tx) => tx.execute(sql`select set_config('tuijin.light_history', 'off', true)`);
export const lightHistoryOn = (tx: Tx) => tx.execute(sql`select set_config('tuijin.light_history', '', true)`);

/**
 * How the lights came to be what they are, over the last weeks: a red item went yellow, then red; a
 * yellow one went yellow from green; one green item in six recovered from yellow. Days are workdays
 * back from today, so that "this week" and "this month" both have movement to show.
 */
export async function seedLightHistory(tx: Tx, c: DemoClock, rng: DemoRandom): Promise<number> {
  const rows: (typeof lightChanges.$inferInsert)[] = [];
  const day = (back: number) => at(c.cal.addWorkdays(c.today, -back), 9 + rng.int(0, 8), rng.int(0, 59));
  const lit = ['red', 'yellow', 'green'];
  const items = [
    ...(await tx.select({ id: tasks.id, light: tasks.light }).from(tasks).where(inArray(tasks.light, lit))).map((r) => ({ ...r, type: 'task' })),
    ...(await tx.select({ id: targets.id, light: targets.light }).from(targets).where(inArray(targets.light, lit))).map((r) => ({ ...r, type: 'target' })),
    ...(await tx.select({ id: projects.id, light: projects.light }).from(projects).where(inArray(projects.light, lit))).map((r) => ({ ...r, type: 'project' })),
  ];
  for (const i of items) {
    const change = (fromLight: string, toLight: string, back: number) => rows.push({ itemType: i.type, itemId: i.id, fromLight, toLight, at: day(back) });
    if (i.light === 'red') {
      const redBack = rng.int(1, 15);
      change('green', 'yellow', redBack + rng.int(3, 10));
      change('yellow', 'red', redBack);
    } else if (i.light === 'yellow') change('green', 'yellow', rng.int(1, 15));
    else if (rng.int(0, 5) === 0) {
      const back = rng.int(1, 12);
      change('green', 'yellow', back + rng.int(3, 8));
      change('yellow', 'green', back);
    }
  }
  await bulkInsert(tx, lightChanges, rows);
  return rows.length;
}
