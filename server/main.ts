import { buildApp } from './app.js';
import { loadAuditKey, startAuditCheckpoints } from './auditCheckpoints.js';
import { quarantinedAuditRecords, quarantineNotice } from './audit.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataLockedError } from './db/dataLock.js';
import { firstStart } from './firstStart.js';
import { startMidnightJob } from './jobs/midnightJob.js';
import { startOutboxSender } from './jobs/outboxSender.js';
import { startBackupJob } from './jobs/backupJob.js';
import { backupSource } from './db/backup/backUp.js';
import { keepReplies } from './queries/versionedCache.js';
import { sqlLogger } from './db/sqlLog.js';
import type { Logger } from 'pino';
import { printForPerson, processLogger } from './startLog.js';

let startLog: Logger | undefined;

/** config → database (migrated) → on an empty one, the demo or the first admins → listen; graceful shutdown. */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const log = processLogger(config.logLevel);
  startLog = log;
  // Before the database: a server that cannot keep checkpoints must say so at once, not run without them.
  const auditKey = loadAuditKey(config, { create: true })!;
  if (auditKey.created) {
    log.warn(
      { keyFile: auditKey.source },
      `Generated the audit log key in ${auditKey.source} (mode 0600). Keep a copy apart from the database and its backups ` +
        `(the security administrator's custody): \`npm run audit:verify\` needs it to prove the audit log was not rewritten. ` +
        `To supply it yourself instead, set TUIJIN_AUDIT_KEY or TUIJIN_AUDIT_KEY_FILE.`,
    );
  }
  if (auditKey.warning) log.warn(auditKey.warning);
  let database;
  try {
    const logQuery = config.sqlLog ? sqlLogger(config.sqlLog) : undefined;
    database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, parallelWorkers: config.databaseParallelWorkers } : { dataDir: config.dataDir }), ...(logQuery ? { logQuery } : {}) });
  } catch (e) {
    if (e instanceof DataLockedError) {
      log.fatal(e.message);
      printForPerson(config.consoleText, [`✖ ${e.message}`], (t) => void process.stderr.write(t));
      process.exit(1);
    }
    throw e;
  }
  // Records a previous process committed but did not live to link; any it cannot read are set aside.
  await database.linkAudit();
  const quarantined = quarantineNotice(await quarantinedAuditRecords(database.db));
  if (quarantined) log.warn(quarantined);
  const checkpoints = startAuditCheckpoints(database, {
    key: auditKey.key,
    file: config.auditCheckpointFile,
    intervalMs: 5000,
    log: (msg, err) => log.error({ err }, msg),
  });
  await checkpoints.now();
  // Before listening, so that nobody reaches a half-loaded demo; its notice is printed after the address, last on the console.
  const notice: string[] = [];
  // Under the start lock: two instances started together on a blank database make one set of administrators.
  await database.atStart(() => firstStart(database, { demo: config.demo, demoPassword: config.demoPassword, bootstrapFile: config.bootstrapFile, print: (line) => notice.push(line) }));
  keepReplies(config.keptReplies);
  const app = await buildApp({
    database,
    logLevel: config.logLevel,
    logger: log,
    secureCookies: config.secureCookies,
    webDir: config.webDir,
    http: config.http,
    authLimits: config.authLimits,
    publicLimits: config.publicLimits,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    backupDir: config.backup.dir,
  });
  await app.listen({ port: config.port, host: config.host });
  // Lights move with time (deadlines, staleness): recomputed at 00:00 Asia/Shanghai, and now if a midnight was missed.
  const midnight = startMidnightJob(database, { log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)) });
  // Messages to WeCom/DingTalk group robots and e-mails leave from the outbox, retried with backoff, never in a user's request.
  const outbox = startOutboxSender(database, { publicUrl: config.publicUrl, log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)) });

  // The daily backup; SIGUSR2 asks for one now: `npm run backup` on an embedded database, whose folder only this process may open.
  const backups = startBackupJob(database, { schedule: config.backup, source: backupSource(config), databaseUrl: config.databaseUrl, log: (msg, err) => (err ? app.log.error({ err }, msg) : app.log.info(msg)) });
  process.on('SIGUSR2', () => void backups.runNow('signal'));

  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  const readyMs = Date.now() - started;
  const url = `http://localhost:${config.port}`;
  log.info({ url, database: config.databaseUrl ? 'postgres' : 'embedded', readyMs }, `listening on ${url}`);
  // The demo logins or the first administrators' passwords are told once: as text to a person watching, else as one record of the log.
  if (config.consoleText) printForPerson(true, [`\n推进 Tuijin is running on ${url}  (${where}, ready in ${readyMs} ms)`, `API docs: ${url}/api/docs`, ...notice]);
  // At warn: the logins must reach the operator at any LOG_LEVEL but error and fatal.
  else if (notice.length) log.warn({ notice }, 'first start');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: no new connections, waiting for the requests in flight');
    // A request that never ends (a stalled upload, a client that stopped reading) must not keep the
    // process alive past the service manager's patience; what committed is committed either way.
    const deadline = setTimeout(() => {
      app.log.error({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out with requests still in flight: exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    await midnight.stop();
    await outbox.stop();
    await backups.stop();
    await app.close();
    // The last records of this process, checkpointed before the database closes.
    await checkpoints.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  // A bad setting stops the start before the logger exists: its message, which names the variable, goes to the console.
  if (startLog) startLog.fatal({ err: e }, 'the start failed');
  else console.error(e);
  process.exit(1);
});
