// What the throughput section measures and prints (bench/throughput.ts): its settings and its figures.

export const CONNECTIONS = [10, 50] as const;
/** Audited writes per second during the mixed runs (0: the same run without writes, for comparison). */
export const WRITE_RATES = [0, 5, 50] as const;
/** At most this many liaisons of other units write during the mixed runs, enough of them to have the drafts all runs submit. */
export const MAX_WRITERS = 24;
export const DURATION_S = 10;
export const WARMUP_S = 3;
/** The liaison whose workbench and task list are measured: the first liaison of unit 17 (as in bench/scale.ts). */
export const UNIT = 17;
export const HQ_PER_PAGE = 50;
export const HQ_PAGE = 11;

export interface Kind {
  key: 'workbench' | 'unitTasks' | 'hqPage' | 'hqDeep';
  name: string;
  account: string;
  url: string;
  /** What the first reply held (e.g. "50 of 1500 tasks"); throws when it is not the expected JSON. */
  check: (body: any) => string;
}

export interface WrkFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
}

export interface ThroughputRow extends WrkFigures {
  kind: Kind['key'];
  name: string;
  account: string;
  url: string;
  connections: number;
  /** CPU per request (ms): the server process (all threads), every `postgres` process on the machine, wrk itself, and the whole machine. */
  serverCpu: number;
  pgCpu: number;
  /** PostgreSQL CPU of only the backends serving the bench database (still connected at the end of the run), and how many there were. */
  pgOwnCpu: number;
  pgOwnBackends: number;
  wrkCpu: number;
  machineCpu: number;
  load: string;
}

export interface ThroughputFigures {
  rows: ThroughputRow[];
  /** What each kind's first reply held. */
  firstReply: Record<Kind['key'], string>;
  unitId: string;
  tasks: number;
  deepPage: number;
  clockTicks: number;
  /** Client connections PostgreSQL had to other databases than the bench's, sampled before and after each run. */
  otherBackends: { min: number; max: number };
  postgresProcesses: number;
  wrkVersion: string;
  /** The unit workbench at 10 connections while other units' liaisons submit reports at a steady rate. */
  mixed: MixedRow[];
  /** The liaisons who wrote, and how many drafts they had between them before the mixed runs. */
  writers: { accounts: string[]; drafts: number };
}

/** What the writer did while wrk ran (its warm-up's writes not counted). */
export interface WriteFigures {
  asked: number;
  ok: number;
  failed: number;
  /** Writes not made because the writers' drafts ran out. */
  ranOut: number;
  firstError: string;
  p50: number;
  p99: number;
  /** How far behind its schedule the latest write was sent (ms): the writer kept up when this is small. */
  maxLate: number;
}

export interface MixedRow extends WrkFigures {
  writeRate: number;
  writes: WriteFigures;
  /** report.submitted records added to audit_log during the timed run and its check (the linker may lag a little). */
  auditRecords: number;
  serverCpu: number;
  pgCpu: number;
  pgOwnCpu: number;
  machineCpu: number;
  load: string;
  /** The same writes for as long with no reads, and the CPU per write they cost the server and PostgreSQL (all). */
  writesAlone?: WriteFigures & { serverCpu: number; pgCpu: number };
}

/** Reads at 10 connections on the embedded database: the server process's CPU holds the database's. */
export interface EmbeddedRow extends WrkFigures {
  kind: Kind['key'];
  name: string;
  url: string;
  connections: number;
  serverCpu: number;
  machineCpu: number;
  load: string;
}

export interface EmbeddedFigures {
  rows: EmbeddedRow[];
  firstReply: Record<Kind['key'], string>;
  tasks: number;
  deepPage: number;
  generated: string;
}
