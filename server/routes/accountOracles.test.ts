import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../testing/databases.js';
import { makeUser, TEST_PASSWORD } from '../testing/factories.js';
import { hashPassword } from '../security/passwords.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { users } from '../db/schema/index.js';
import { eq } from 'drizzle-orm';

/**
 * The security issue's item 10: an unknown account never locked (401 forever) while a real one did,
 * and a disabled account answered differently when its password was right. Whatever the account,
 * the answers must be the same, attempt after attempt, and so must the time they take.
 */
describe.each(DATABASE_KINDS)('login answers that tell nothing on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());

  const login = (account: string, password: string, lang = 'zh-CN') =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': lang }, payload: { account, password } });

  /** What an attacker sees of six attempts: status, code, message (the unlock time blanked: it differs by the second). */
  const sixAttempts = async (account: string, password: string, lang?: string) => {
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await login(account, password, lang);
      const e = r.json().error as { code: string; message: string };
      seen.push(`${r.statusCode} ${e.code} ${e.message.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/, 'T')}`);
    }
    return seen;
  };

  it('answers an unknown account, a disabled one (right password) and a wrong password alike, locks included', async () => {
    const wrong = await makeUser(h.db.database, [{ role: 'liaison' }]);
    const disabled = await makeUser(h.db.database, [{ role: 'liaison' }]);
    await h.db.database.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    const expected = [...Array(4).fill('401 invalid_credentials 账号或密码错误'), ...Array(2).fill('429 account_locked 密码错误次数过多，账号已锁定，将于 T 解锁')];
    expect(await sixAttempts(wrong.account, 'Wrong-Pass-1')).toEqual(expected);
    expect(await sixAttempts('no_such_account_x', 'Wrong-Pass-1')).toEqual(expected);
    expect(await sixAttempts('13999999999', 'Wrong-Pass-1')).toEqual(expected);
    expect(await sixAttempts(disabled.account, disabled.password)).toEqual(expected);
    const en = await sixAttempts('no_such_account_y', 'Wrong-Pass-1', 'en-US');
    expect(en[0]).toBe('401 invalid_credentials Wrong account or password');
    expect(en[5]).toBe('429 account_locked Too many failed attempts: the account is locked until T');
  });

  it('takes as long for an unknown account as for a known one (a password hash either way)', async () => {
    // Real accounts' hashes, at the production cost (the factories' users carry the cheapest one, to spare the suite's logins).
    const real = async () => makeUser(h.db.database, [{ role: 'liaison' }], { passwordHash: await hashPassword(TEST_PASSWORD) });
    const u = await real();
    const median = async (account: (i: number) => string) => {
      const ms: number[] = [];
      // Three attempts per name: under the lock threshold, so each is checked in full.
      for (let i = 0; i < 9; i++) {
        const t = performance.now();
        await login(account(i), 'Wrong-Pass-1');
        ms.push(performance.now() - t);
      }
      return ms.sort((a, b) => a - b)[4]!;
    };
    const others = [u, await real(), await real()];
    const known = await median((i) => others[i % 3]!.account);
    const unknown = await median((i) => `ghost_${i % 3}`);
    // argon2 is most of either: without it an unknown account would answer several times faster.
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });
});
