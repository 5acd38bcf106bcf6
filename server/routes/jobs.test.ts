// Long jobs' progress (issue 20 item 5): an import's preview and commit and an .xlsx export sent with
// X-Tuijin-Job report their phases and rows while they run, polled as the web app polls them, and
// end finished; only the user who started a job may read it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_PHASES } from '../../domain/progress.js';
import type { JobProgressView } from '../../domain/schemas/progress.js';
import { expectError, send, type ApiRequest } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { importScene, sheetFile, sheetUpload } from '../testing/importCalls.js';
import { makePerson, type Person } from '../testing/workFactories.js';
import { readXlsx } from '../testing/xlsx.js';

const ROWS = Number(process.env.JOB_TEST_ROWS ?? 3_000);

/** A 任务分解表 of `rows` tasks under 10 roots, all naming one unit. */
const bigSheet = (unit: string, rows: number) =>
  sheetFile([
    ['序号', '重点任务', '牵头单位', '完成时限'],
    ...Array.from({ length: rows }, (_, i) => [i % 10 === 0 ? String(i / 10 + 1) : `${Math.floor(i / 10) + 1}.${i % 10}`, `第${i + 1}项工作任务`, unit, '长期坚持']),
  ]);

describe.each(DATABASE_KINDS)('job progress on %s', (kind) => {
  let h: Harness;
  let hq: Person;
  let other: Person;
  let scene: Awaited<ReturnType<typeof importScene>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    scene = await importScene(h.db.database);
    hq = await makePerson(h.app, h.db.database, [{ role: 'hq_office' }], scene.unit.id);
    other = await makePerson(h.app, h.db.database, [{ role: 'hq_office' }], scene.unit.id);
  });
  afterAll(async () => h?.close());

  const progress = (id: string, who = hq) => send(h.app, { method: 'GET', url: `/api/jobs/${id}/progress` }, who.session);

  /** Sends the request as job `id`, polling its progress until the answer comes: every state seen, and the answer. */
  async function followed(req: ApiRequest, id: string) {
    let answered = false;
    const seen: JobProgressView[] = [];
    const started = performance.now();
    const answer = send(h.app, { ...req, headers: { ...req.headers, 'x-tuijin-job': id } }, hq.session).finally(() => (answered = true));
    while (!answered) {
      const r = await progress(id);
      if (r.statusCode === 200) seen.push(r.json().data);
      await new Promise((r) => setTimeout(r, 25));
    }
    const res = await answer;
    const ms = performance.now() - started;
    // The job ends once the answer has gone (an onResponse hook): a poll may come a moment before.
    let last = (await progress(id)).json().data as JobProgressView;
    for (let i = 0; i < 100 && !last.finished; i++) {
      await new Promise((r) => setTimeout(r, 20));
      last = (await progress(id)).json().data as JobProgressView;
    }
    return { res, seen, last, ms };
  }

  /** The states in the order they came: phases never go back, rows never go down within a phase, percent never down. */
  function expectMonotonic(seen: JobProgressView[]) {
    for (const [a, b] of seen.slice(1).map((s, i) => [seen[i]!, s] as const)) {
      expect(JOB_PHASES.indexOf(b.phase)).toBeGreaterThanOrEqual(JOB_PHASES.indexOf(a.phase));
      if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done);
      if (a.phase === b.phase && a.percent !== null && b.percent !== null) expect(b.percent).toBeGreaterThanOrEqual(a.percent);
    }
  }

  it('follows a preview, its commit and the export of what it made, each to its end; nobody else reads them', async () => {
    const bytes = await bigSheet(scene.unit.name, ROWS);
    const previewJob = randomUUID();
    const p = await followed({ method: 'POST', url: '/api/imports/tasks/preview', ...sheetUpload(scene.plan.id, bytes) }, previewJob);
    expect(p.res.statusCode, p.res.body).toBe(200);
    console.log(kind, 'preview', Math.round(p.ms), p.seen.map((s) => `${s.phase}:${s.done}/${s.total}`).join(' '));
    expectMonotonic(p.seen);
    expect(p.seen.length).toBeGreaterThan(1);
    expect(new Set(p.seen.map((s) => s.phase)).size).toBeGreaterThan(1);
    expect(p.last).toMatchObject({ finished: true, percent: 100, error: null });
    // Another user, even of the same role and unit, is told there is no such job.
    expectError(await progress(previewJob, other), 404, 'not_found');

    const previewId = p.res.json().data.previewId as string;
    const commitJob = randomUUID();
    const c = await followed({ method: 'POST', url: `/api/imports/${previewId}/commit` }, commitJob);
    expect(c.res.statusCode, c.res.body).toBe(200);
    console.log(kind, 'commit', Math.round(c.ms), c.seen.map((s) => `${s.phase}:${s.done}/${s.total}`).join(' '));
    expectMonotonic(c.seen);
    // On the embedded database a poll waits while the commit's transaction holds PGlite's one
    // connection (its session is read there once the 2 s session cache lapses): it may see no more.
    if (kind === 'postgres') expect(c.seen.some((s) => s.phase === 'inserting' && s.total === ROWS && s.label === '正在写入数据')).toBe(true);
    expect(c.last).toMatchObject({ phase: 'inserting', finished: true, percent: 100, done: ROWS, total: ROWS });

    const exportJob = randomUUID();
    const e = await followed({ method: 'GET', url: `/api/exports/tasks.xlsx?plan=${scene.plan.id}` }, exportJob);
    expect(e.res.statusCode).toBe(200);
    console.log(kind, 'export', Math.round(e.ms), e.seen.map((s) => `${s.phase}:${s.done}/${s.total}`).join(' '));
    expect((await readXlsx(e.res.rawPayload)).length).toBe(ROWS + 3);
    expectMonotonic(e.seen);
    expect(e.seen.some((s) => s.phase === 'writing' && s.total === ROWS && !s.finished && s.percent! < 100)).toBe(true);
    expect(e.last).toMatchObject({ phase: 'writing', finished: true, done: ROWS, total: ROWS, percent: 100 });
    expectError(await progress(exportJob, other), 404, 'not_found');
  });

  it('names the job’s failure in the reader’s language, and refuses a job id that is no UUID', async () => {
    const job = randomUUID();
    const form = sheetUpload(scene.plan.id, Buffer.from('not a workbook'), 'x.xlsx');
    const bad = await send(h.app, { method: 'POST', url: '/api/imports/tasks/preview', payload: form.payload, headers: { ...form.headers, 'x-tuijin-job': job } }, hq.session);
    expect(bad.statusCode).toBe(415);
    const read = (await progress(job)).json().data as JobProgressView;
    expect(read).toMatchObject({ finished: true, error: bad.json().error.message });
    const en = await send(h.app, { method: 'GET', url: `/api/jobs/${job}/progress`, headers: { cookie: `${hq.session.headers.cookie}; lang=en-US` } }, null);
    expect(en.json().data.error).toMatch(/^The file/);
    for (const header of ['1', 'not-a-uuid', `${randomUUID()}\u0000`, '\ud800']) {
      const res = await send(h.app, { method: 'GET', url: `/api/exports/tasks.xlsx?plan=${scene.plan.id}`, headers: { 'x-tuijin-job': header } }, hq.session);
      expect(expectError(res, 400, 'job_header_invalid').message).toBe('请求头 X-Tuijin-Job 须为 UUID');
    }
    expectError(await send(h.app, { method: 'GET', url: '/api/jobs/not-a-uuid/progress' }, hq.session), 400);
    expectError(await progress(randomUUID()), 404, 'not_found');
  });
});
