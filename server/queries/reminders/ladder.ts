import { eq } from 'drizzle-orm';
import { DEFAULT_LADDER, type LadderSettings } from '../../../domain/reminders/ladder.js';
import { LadderSettingsSchema } from '../../../domain/schemas/reminder.js';
import type { Executor } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { writeVersionedSetting } from '../settings.js';

const KEY = 'reminder_ladder';

/** The HQ office's ladder, or the defaults while it has saved none (or what is stored no longer parses). */
export async function readLadder(db: Executor): Promise<{ ladder: LadderSettings; version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return { ladder: DEFAULT_LADDER, version: 0 };
  const parsed = LadderSettingsSchema.safeParse(row.value);
  return { ladder: parsed.success ? parsed.data : DEFAULT_LADDER, version: row.version };
}

/** Saves the ladder if `version` is still the stored one; false when someone saved meanwhile. */
export const writeLadder = (db: Executor, ladder: LadderSettings, version: number): Promise<boolean> => writeVersionedSetting(db, KEY, ladder, version);
