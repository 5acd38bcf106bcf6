import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SMTP_SECURITY } from '../../../domain/schemas/smtpChannel.js';
import type { Executor } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import type { StoredSmtp } from '../../models/reminders.js';
import { writeVersionedSetting } from '../settings.js';

const KEY = 'smtp_channel';

const StoredSmtpSchema: z.ZodType<StoredSmtp> = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SMTP_SECURITY),
  username: z.string().nullable(),
  password: z.string().nullable(),
  fromAddress: z.string(),
});

/** The HQ office's mail server, null while none is saved (or what is stored no longer parses: no mail rather than a broken one). */
export async function readSmtp(db: Executor): Promise<{ smtp: StoredSmtp | null; version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  if (!row) return { smtp: null, version: 0 };
  const parsed = StoredSmtpSchema.safeParse(row.value);
  return { smtp: parsed.success ? parsed.data : null, version: row.version };
}

/** Saves it if `version` is still the stored one; false when someone saved meanwhile. */
export const writeSmtp = (db: Executor, smtp: StoredSmtp, version: number): Promise<boolean> => writeVersionedSetting(db, KEY, smtp, version);
