import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { bootstrapAdmins, type BootstrapLogin } from './commands/bootstrapAdmins.js';
import type { Database } from './db/client.js';
import { auditLog } from './db/schema/index.js';

export interface FirstStartOptions {
  /** TUIJIN_DEMO: unset, only the embedded database gets the demo. */
  demo: boolean | undefined;
  /** TUIJIN_DEMO_PASSWORD. */
  demoPassword: string | undefined;
  /** TUIJIN_BOOTSTRAP_FILE: the first admins' passwords go there (0600), not to stdout. */
  bootstrapFile: string | undefined;
  /** Where the notice goes when there is no file (tests listen to it). */
  print?: (line: string) => void;
}

export type FirstStart =
  /** The demo district was loaded now; its logins were printed. */
  | { kind: 'demo_loaded' }
  /** The database holds the demo from an earlier start. */
  | { kind: 'demo_present' }
  /** A blank database got its first administrators. */
  | { kind: 'bootstrapped'; admins: BootstrapLogin[]; file: string | undefined }
  | { kind: 'none' };

/**
 * What an empty database gets at start. The embedded database (`npm start` with no DATABASE_URL) is
 * a trial run and gets the demo district; a server database is where the real data goes, and gets
 * the demo only when asked (TUIJIN_DEMO=1, or `npm run demo:load`): otherwise its first start makes
 * the three administrators, whose one-time passwords are told once. A database with accounts gets
 * neither. The demo's code is loaded only when it is wanted.
 */
export async function firstStart(database: Database, opts: FirstStartOptions): Promise<FirstStart> {
  const print = opts.print ?? ((line: string) => console.log(line));
  if (opts.demo ?? database.kind === 'embedded') {
    const demo = await import('../demo/index.js');
    const logins = await demo.loadDemoIfEmpty(database, opts.demoPassword);
    if (logins) {
      for (const line of demo.demoLoginLines(logins, opts.demoPassword)) print(line);
      return { kind: 'demo_loaded' };
    }
    if (await holdsDemo(database)) {
      for (const line of demo.demoReminderLines(opts.demoPassword)) print(line);
      return { kind: 'demo_present' };
    }
  }
  const admins = await bootstrapAdmins(database, (logins) => {
    if (opts.bootstrapFile) writePrivateFile(opts.bootstrapFile, bootstrapNotice(logins).join('\n') + '\n');
    else {
      for (const line of bootstrapNotice(logins)) print(line);
      print('Printed here because TUIJIN_BOOTSTRAP_FILE is not set: where a service log keeps this console, clear them from it once handed out.\n');
    }
  });
  if (!admins) {
    if (opts.demo) print('\nTUIJIN_DEMO=1, but the database is not empty: the demo district was not loaded (it loads only into an empty database).');
    return { kind: 'none' };
  }
  if (opts.bootstrapFile) print(`\nBlank database: the first administrators were created. Their one-time passwords are in ${opts.bootstrapFile} (mode 0600): hand each to its holder, then delete the file.`);
  return { kind: 'bootstrapped', admins, file: opts.bootstrapFile };
}

/** Whether the demo was loaded into this database (the demo's region code could be a real district's). */
async function holdsDemo(database: Database): Promise<boolean> {
  const rows = await database.db
    .select({ one: sql`1` })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'region'), eq(auditLog.action, 'system.demo_loaded')))
    .limit(1);
  return rows.length > 0;
}

/** Readable by the server's user alone, even when the file was there before with a wider mode. */
function writePrivateFile(file: string, text: string) {
  let fd: number;
  try {
    fd = fs.openSync(file, 'w', 0o600);
  } catch (e) {
    throw new Error(`TUIJIN_BOOTSTRAP_FILE: cannot write ${file} (${e instanceof Error ? e.message : e}); no account was created`, { cause: e });
  }
  try {
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const DUTIES: Record<string, string> = {
  sysadmin: 'accounts, organisation, calendar (系统管理员)',
  secadmin: 'approves admin roles, unlocks accounts, sets the security policy (安全管理员)',
  auditor: 'reads the audit log (审计管理员)',
};

/** What the operator is told once: the accounts, their one-time passwords, what to do next. */
export function bootstrapNotice(logins: readonly BootstrapLogin[]): string[] {
  return [
    '',
    'Blank database: the first administrators were created (三员分立: three people, one role each).',
    'One-time passwords, shown once and kept nowhere else; each is changed at first login, where a TOTP second factor is also enrolled:',
    ...logins.map((l) => `  ${l.account.padEnd(9)} ${l.password}   ${DUTIES[l.role] ?? l.role}`),
    'Next: sysadmin renames the placeholder region (本行政区) and unit (系统管理), creates the units and the people;',
    'further admin roles are proposed by sysadmin and approved by secadmin. Lost secadmin access: npm run secadmin:recover.',
    '',
  ];
}
