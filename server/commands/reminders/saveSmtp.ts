import type { SmtpChannelUpdate } from '../../../domain/schemas/smtpChannel.js';
import { rule, ruleText } from '../../../domain/schemas/ruleMessages.js';
import { recordAudit } from '../../audit.js';
import { inTx, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { actsForTop } from '../../queries/regionScope.js';
import { fieldName } from '../../i18n.js';
import type { StoredSmtp } from '../../models/reminders.js';
import { readSmtp, writeSmtp } from '../../queries/reminders/smtp.js';

/** What the audit record keeps of a mail server: everything but the password, and whether there is one. */
const audited = (s: StoredSmtp | null) => s && { enabled: s.enabled, host: s.host, port: s.port, security: s.security, username: s.username, fromAddress: s.fromAddress, passwordSet: !!s.password };

/**
 * The HQ office saves the mail server; 409 when someone saved since it was read. A password left
 * out keeps the stored one (the page never has it to send back); no login user, no password kept.
 */
export async function saveSmtp(ctx: Ctx, input: SmtpChannelUpdate) {
  return inTx(ctx, async (tx) => {
    // Shared by every district: a district's or a city's office would change it for the others.
    if (!ctx.actor || !(await actsForTop(tx, ctx.actor))) throw new AppError(403, 'settings_top_only');
    const before = await readSmtp(tx);
    if (before.version !== input.version) throw new AppError(409, 'version_conflict');
    const username = input.username || null;
    const password = username ? input.password || before.smtp?.password || null : null;
    if (username && !password) {
      const says = ruleText(rule('smtpPassword').error, ctx.lang) ?? '';
      throw new AppError(400, 'validation', { detail: `${fieldName('password', ctx.lang)} ${says}` }, { password: says });
    }
    const smtp: StoredSmtp = { enabled: input.enabled, host: input.host, port: input.port, security: input.security, username, password, fromAddress: input.fromAddress };
    if (!(await writeSmtp(tx, smtp, input.version))) throw new AppError(409, 'version_conflict');
    await recordAudit(tx, ctx, 'smtp_channel.updated', { entity: 'smtp_channel', entityId: 'smtp_channel', before: audited(before.smtp), after: audited(smtp) });
  });
}
