import type { SecurityPolicy } from '../../domain/securityPolicy.js';
import { recordAudit } from '../audit.js';
import { inTx, type Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { forgetSecurityPolicy, readSecurityPolicy, writeSecurityPolicy } from '../queries/settings.js';

export async function updateSecurityPolicy(ctx: Ctx, policy: SecurityPolicy, version: number) {
  const saved = await inTx(ctx, async (tx) => {
    const before = await readSecurityPolicy(tx);
    if (before.version !== version || !(await writeSecurityPolicy(tx, policy, version))) throw new AppError(409, 'version_conflict');
    await recordAudit(tx, ctx, 'security_policy.updated', { entity: 'security_policy', entityId: 'security_policy', before: before.policy, after: policy });
    return { policy, version: version + 1 };
  });
  forgetSecurityPolicy(ctx.database.db);
  return saved;
}
