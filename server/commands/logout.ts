import { NO_UNIT, recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { endSession } from '../security/sessions.js';

/** Ends the session on the server, so a copied cookie is worthless afterwards. */
export async function logout(ctx: Ctx): Promise<void> {
  const sessionId = ctx.sessionId;
  if (!sessionId || !ctx.actor) return;
  await inTx(ctx, async (tx) => {
    await endSession(tx, sessionId);
    await recordAudit(tx, ctx, 'auth.logout', { entity: 'session', entityId: ctx.actor!.userId, scope: NO_UNIT });
  });
}
