import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { JOB_NAMES, failingJobs, jobRunsOf } from '../jobs/jobHealth.js';
import { listBackups } from '../db/backup/backupFiles.js';

/**
 * What `GET /metrics` tells an operator's Prometheus about one app: requests by route (a histogram
 * of their times), the database pool, the scheduled jobs, the feed's live clients and the audit
 * records waiting to be linked; the process's own figures (CPU, memory, event-loop delay, GC) come
 * from prom-client's defaults, once per process.
 */
export interface AppMetrics {
  /** One answered request: its route pattern (not its URL, which would make a series per id), method and status. */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** Tells the registry how many feed streams are open (the feed routes own the hub). */
  countSseClients(count: () => number): void;
  /** The Prometheus text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

let processRegistry: client.Registry | null = null;
/** Default metrics start timers and an event-loop monitor: made at the first scrape, once, not per app the tests build. */
function processMetrics(): client.Registry {
  if (!processRegistry) {
    processRegistry = new client.Registry();
    client.collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

export function appMetrics(database: Database, opts: { backupDir?: string | undefined } = {}): AppMetrics {
  const registry = new client.Registry();
  let sseClients: () => number = () => 0;
  const requests = new client.Histogram({
    name: 'tuijin_http_request_duration_seconds',
    help: 'Time from a request’s arrival to its answer, by route pattern, method and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new client.Gauge({
    name: 'tuijin_db_pool_connections',
    help: 'Connections of the PostgreSQL pool: open, idle, and requests waiting for one (absent on the embedded database)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = database.poolStats?.();
      if (!p) return;
      this.set({ state: 'total' }, p.total);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  });
  new client.Gauge({
    name: 'tuijin_job_runs',
    help: 'Runs of each scheduled job in this process since it started, by outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
    collect() {
      for (const [job, r] of jobRunsOf(database)) {
        this.set({ job, outcome: 'ok' }, r.runs - r.failures);
        this.set({ job, outcome: 'failed' }, r.failures);
      }
    },
  });
  new client.Gauge({
    name: 'tuijin_job_last_success_timestamp_seconds',
    help: 'When each scheduled job last ran without an error (0: not yet in this process)',
    labelNames: ['job'] as const,
    registers: [registry],
    collect() {
      for (const [job, r] of jobRunsOf(database)) this.set({ job }, (r.lastSuccessAt ?? 0) / 1000);
    },
  });
  new client.Gauge({
    name: 'tuijin_job_failing',
    help: '1 while a scheduled job’s last run failed',
    labelNames: ['job'] as const,
    registers: [registry],
    collect() {
      const failing = new Set(failingJobs(database));
      for (const job of JOB_NAMES) this.set({ job }, failing.has(job) ? 1 : 0);
    },
  });
  new client.Gauge({
    name: 'tuijin_sse_clients',
    help: 'Open feed streams (Server-Sent Events) of this process',
    registers: [registry],
    collect() {
      this.set(sseClients());
    },
  });
  new client.Gauge({
    name: 'tuijin_audit_pending_records',
    help: 'Audit records committed but not yet linked into the hash chain (the linker’s lag)',
    registers: [registry],
    async collect() {
      const { rows } = (await database.db.execute(sql`select count(*)::int as n from audit_pending`)) as unknown as { rows: { n: number }[] };
      this.set(rows[0]?.n ?? 0);
    },
  });
  if (opts.backupDir) {
    const dir = opts.backupDir;
    new client.Gauge({
      name: 'tuijin_backup_age_seconds',
      help: 'Seconds since the newest complete backup in TUIJIN_BACKUP_DIR was taken (+Inf: none there), whichever instance or command wrote it',
      registers: [registry],
      collect() {
        const newest = listBackups(dir)[0];
        this.set(newest ? Math.max(0, (Date.now() - newest.at.getTime()) / 1000) : Infinity);
      },
    });
    new client.Gauge({
      name: 'tuijin_backup_size_bytes',
      help: 'Size of the newest complete backup (0: none)',
      registers: [registry],
      collect() {
        this.set(listBackups(dir)[0]?.bytes ?? 0);
      },
    });
  }
  // One child per series, found by a string of our own: prom-client hashes the label object at every
  // observe, which cost the cheapest routes a tenth of their throughput.
  const series = new Map<string, client.Histogram.Internal<'method' | 'route' | 'status'>>();
  return {
    observe(method, route, status, seconds) {
      const statusClass = STATUS_CLASSES[Math.floor(status / 100) - 1] ?? 'other';
      const key = `${statusClass} ${method} ${route}`;
      let child = series.get(key);
      if (!child) series.set(key, (child = requests.labels({ method, route, status: statusClass })));
      child.observe(seconds);
    },
    countSseClients(count) {
      sseClients = count;
    },
    async render() {
      const merged = client.Registry.merge([processMetrics(), registry]);
      return { contentType: merged.contentType, body: await merged.metrics() };
    },
  };
}
