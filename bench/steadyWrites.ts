// Report submissions at a steady rate while the throughput section reads (bench/throughput.ts).
import type { HttpSession } from '../scripts/serverProcess.js';
import { RawConnection } from './rawHttp.js';
import { percentile } from './stats.js';
import type { WriteFigures } from './throughputTypes.js';

export interface Writer {
  session: HttpSession;
  /** The drafts it has left to submit, newest period first. */
  ids: string[];
}

/**
 * `rate` report submissions a second for `seconds`, on a schedule (the i-th is due at i / rate s),
 * each sent by an idle writer, the one with the most drafts left, on its own keep-alive connection,
 * one request at a time (as bench/scale.ts measureSubmissions submits): POST
 * /api/reports/:id/submit with the session's CSRF token, a draft of the writer's own unit. When no
 * writer is idle the write waits for one (and is late: `maxLate`).
 */
export async function steadyWrites(base: string, writers: Writer[], rate: number, seconds: number): Promise<WriteFigures> {
  const asked = Math.round(rate * seconds);
  const u = new URL(base);
  const conns = writers.map(() => new RawConnection(u.hostname, Number(u.port)));
  const busy = writers.map(() => false);
  const running = new Set<Promise<void>>();
  const latencies: number[] = [];
  const w: WriteFigures = { asked, ok: 0, failed: 0, ranOut: 0, firstError: '', p50: NaN, p99: NaN, maxLate: 0 };
  const pick = () => {
    let best = -1;
    writers.forEach((x, k) => {
      if (!busy[k] && x.ids.length && (best < 0 || x.ids.length > writers[best]!.ids.length)) best = k;
    });
    return best;
  };
  const send = async (k: number, id: string) => {
    const writer = writers[k]!;
    const t = performance.now();
    try {
      const r = await conns[k]!.request('POST', `/api/reports/${id}/submit`, { cookie: writer.session.cookie, 'x-csrf-token': writer.session.csrf }, {});
      latencies.push(performance.now() - t);
      if (r.status === 200) w.ok++;
      else {
        w.failed++;
        w.firstError ||= `${r.status} ${r.body.slice(0, 200)}`;
      }
    } catch (e) {
      w.failed++;
      w.firstError ||= String(e);
    } finally {
      busy[k] = false;
    }
  };
  const t0 = performance.now();
  try {
    for (let i = 0; i < asked; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let k = pick();
      while (k < 0 && running.size && writers.some((x) => x.ids.length)) {
        await Promise.race(running);
        k = pick();
      }
      if (k < 0) {
        w.ranOut++;
        continue;
      }
      w.maxLate = Math.max(w.maxLate, performance.now() - due);
      busy[k] = true;
      const p: Promise<void> = send(k, writers[k]!.ids.shift()!).then(() => {
        running.delete(p);
      });
      running.add(p);
    }
    await Promise.all(running);
  } finally {
    for (const c of conns) c.close();
  }
  return { ...w, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
