// CPU time from /proc: a process's, PostgreSQL's processes', the whole machine's (bench/throughput.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The fields of a /proc/<pid>/stat line after the command name, so that `f[0]` is field 3 (state). */
export const statFields = (stat: string) => stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
/** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in ms. */
export const statCpuMs = (stat: string) => {
  const f = statFields(stat);
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks;
};

export function processCpuMs(pid: number | undefined): number {
  try {
    return statCpuMs(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return NaN;
  }
}

/** Each `postgres` process on this machine: its own CPU and that of its ended children (the postmaster's reaped backends), in ms. */
export type PgSnapshot = Map<number, { cpu: number; children: number }>;

export function postgresSnapshot(): PgSnapshot {
  const snap: PgSnapshot = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('postgres')) continue;
      const f = statFields(stat);
      snap.set(Number(pid), { cpu: statCpuMs(stat), children: ((Number(f[13]) + Number(f[14])) * 1000) / clockTicks });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return snap;
}

/**
 * PostgreSQL CPU between two snapshots, in ms. All processes: a backend that ended between them
 * took its CPU out of the sum but the postmaster's reaped-children time (cutime + cstime) took it
 * in, whole, so its CPU before the first snapshot is taken off again. `only`: the CPU of just those
 * backends (those still there at the end).
 */
export function postgresCpuBetween(a: PgSnapshot, b: PgSnapshot, only?: Set<number>): number {
  let total = 0;
  for (const [pid, p] of b) {
    if (only && !only.has(pid)) continue;
    const before = a.get(pid);
    total += p.cpu - (before?.cpu ?? 0) + (only ? 0 : p.children - (before?.children ?? 0));
  }
  if (!only) for (const [pid, p] of a) if (!b.has(pid)) total -= p.cpu;
  return total;
}

/** CPU of this process's children that have ended and been waited for (cutime + cstime, fields 16 and 17): wrk's, once it exits. */
export function endedChildrenCpuMs(): number {
  const f = statFields(fs.readFileSync('/proc/self/stat', 'utf8'));
  return ((Number(f[13]) + Number(f[14])) * 1000) / clockTicks;
}

/** CPU time the whole machine spent (all cores, not idle or waiting on I/O), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return ((f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0)) * 1000) / clockTicks;
}
