// The server started on a database holding a staged audit record PostgreSQL cannot read (what the
// lone-surrogate login of issue 16 left behind): before, its start-up link failed and it could not
// start at all; now it sets the record aside, starts, says so, and the chain verifies.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/client.js';
import { auditPending } from '../server/db/schema/index.js';
import { call, createServerDatabase, passwordLogin, ROOT, startServer, type ServerProcess } from './serverProcess.js';


describe('a poisoned staged audit record, on a PostgreSQL server', { timeout: 180_000 }, () => {
  let server: ServerProcess | undefined;
  let db: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  afterAll(async () => {
    await server?.kill();
    await db?.drop();
  });

  it('does not stop the server from starting: it is quarantined, the operator told, the chain intact', async () => {
    db = await createServerDatabase('tuijin_quarantine');
    // A write committed this record and the process died before linking it (or an older version staged it).
    const database = await openDatabase({ databaseUrl: db.url, poolSize: 1 });
    await database.db.execute(sql`ALTER TABLE audit_pending DROP CONSTRAINT audit_body_valid`);
    await database.db.insert(auditPending).values({ bodyHead: '{"action":"auth.login_failed","after":{"account":"\\ud800"},"id":', bodyTail: '}' });
    await database.db.execute(sql`ALTER TABLE audit_pending ADD CONSTRAINT audit_body_valid CHECK (audit_body_error(body_head || '0' || body_tail) IS NULL) NOT VALID`);
    await database.close();

    server = await startServer({ databaseUrl: db.url }, { timeoutMs: 120_000 });
    expect(server.output()).toMatch(/1 staged audit record\(s\) (could not be linked|are quarantined)/);
    // Audited writes work: a login, and a failed one.
    const s = await passwordLogin(server.base, 'liaison');
    expect((await call(server.base, 'GET', '/api/me', s)).status).toBe(200);
    expect((await call(server.base, 'POST', '/api/auth/login', null, { account: 'liaison', password: 'wrong' })).status).toBe(401);
    await server.stop();
    server = undefined;

    const verify = await new Promise<{ code: number | null; out: string }>((resolve) =>
      execFile(process.execPath, ['scripts/operator.mjs', 'auditVerify'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: db!.url, TUIJIN_AUDIT_KEY: '', TUIJIN_AUDIT_CHECKPOINTS: path.join(ROOT, '.tmp', 'none.log') }, encoding: 'utf8' }, (err, out, errOut) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, out: out + errOut }),
      ),
    );
    expect(verify.out).toContain('Audit chain intact');
    expect(verify.out).toMatch(/1 staged audit record\(s\) are quarantined \(table audit_quarantine, staged seq \d+\): PostgreSQL could not read them \(invalid input syntax for type json/);
    expect(verify.code).toBe(0);
  });
});
