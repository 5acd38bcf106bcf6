import { shanghaiDate } from '../domain/calendar/days.js';
import { storeNoticeMessages } from '../server/commands/reminders/storeMessages.js';
import { notices } from '../server/db/schema/index.js';
import { markReminderRun, sendReminders } from '../server/jobs/reminderJob.js';
import { unitLiaisonsAndHeads } from '../server/queries/reminders/dueFacts.js';
import { loadCalendar } from '../server/queries/calendar.js';
import type { DemoContext } from './index.js';

/**
 * The inboxes on the demo's first day (issue 20 item 4): each 督查 notice delivered to its unit's
 * liaison and head as issuing one does, and today's reminder digests from the district as loaded —
 * so the 建设街道 liaison opens the app to a bell with a number (on a rest day, the last workday's).
 * Today is marked done, so the start-up catch-up does not run it again. After the lights and the notices.
 */
export async function loadReminders(ctx: DemoContext, today: string): Promise<{ noticeMessages: number; reminderDigests: number }> {
  const { tx } = ctx;
  let noticeMessages = 0;
  for (const n of await tx.select({ id: notices.id, unitId: notices.unitId, issuedAt: notices.issuedAt }).from(notices)) {
    noticeMessages += await storeNoticeMessages(tx, n.id, await unitLiaisonsAndHeads(tx, n.unitId), shanghaiDate(n.issuedAt));
  }
  // Offices send nothing on a rest day; a demo first opened on a Sunday shows Friday's digests instead.
  const calendar = await loadCalendar(tx);
  const { digests } = await sendReminders(tx, calendar.isWorkday(today) ? today : calendar.addWorkdays(today, -1));
  await markReminderRun(tx, today);
  return { noticeMessages, reminderDigests: digests };
}
