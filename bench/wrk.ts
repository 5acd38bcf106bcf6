// wrk: found or installed, run, and its output read (bench/throughput.ts).
import { execFile, execFileSync } from 'node:child_process';
import type { WrkFigures } from './throughputTypes.js';

export const onPath = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * wrk on PATH, or installed with apt-get (Debian's package) when this runs as root; otherwise the
 * reason it is not there, to be printed.
 */
export function ensureWrk(progress: (s: string) => void): { ok: true } | { ok: false; reason: string } {
  if (onPath('wrk')) return { ok: true };
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => execFileSync('apt-get', ['install', '-y', 'wrk'], { env, stdio: 'ignore', timeout: 300_000 });
    try {
      progress('wrk is not on PATH: apt-get install -y wrk…');
      install();
    } catch {
      try {
        progress('apt-get install failed: apt-get update, then again…');
        execFileSync('apt-get', ['update'], { env, stdio: 'ignore', timeout: 300_000 });
        install();
      } catch {
        /* reported below */
      }
    }
    if (onPath('wrk')) return { ok: true };
  }
  return { ok: false, reason: 'wrk is not on PATH and could not be installed here; install it (`sudo apt-get install -y wrk` on Debian/Ubuntu, `brew install wrk` on macOS) and run `npm run bench -- --only=throughput`' };
}

/** A wrk duration such as `4.30ms`, `812.00us`, `1.02s` or `1.50m`, in ms. */
export function wrkDuration(v: string, u: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return Number(v) * (scale[u] ?? NaN);
}

/** Reads wrk's `--latency` report. */
export function parseWrk(out: string): WrkFigures {
  const requests = /(\d+) requests in ([\d.]+)(us|ms|s|m)/.exec(out);
  const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!requests || !perSecond) throw new Error(`unreadable wrk output:\n${out}`);
  const pct = (p: number) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(out);
    return m ? wrkDuration(m[1]!, m[2]!) : NaN;
  };
  const se = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requests: Number(requests[1]),
    seconds: wrkDuration(requests[2]!, requests[3]!) / 1000,
    perSecond: Number(perSecond[1]),
    p50: pct(50),
    p99: pct(99),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: { connect: Number(se?.[1] ?? 0), read: Number(se?.[2] ?? 0), write: Number(se?.[3] ?? 0), timeout: Number(se?.[4] ?? 0) },
  };
}

export function wrk(url: string, cookie: string, connections: number, seconds: number): Promise<string> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...(cookie ? ['-H', `Cookie: ${cookie}`] : []), '-H', 'accept: application/json', url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { encoding: 'utf8', timeout: (seconds + 30) * 1000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`wrk ${args.join(' ')}: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** GET with exactly the headers wrk sends: the reply must be a 200 with JSON, else wrk would time errors. */
export async function getAsWrk(base: string, url: string, cookie: string): Promise<any> {
  const r = await fetch(base + url, { headers: { cookie, accept: 'application/json' } });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`GET ${url}: ${r.status} ${text.slice(0, 300)}`);
  if (!/application\/json/.test(r.headers.get('content-type') ?? '')) throw new Error(`GET ${url}: content-type ${r.headers.get('content-type')}`);
  return JSON.parse(text);
}
