import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/client.js';
import { PUBLIC_FRESH_MS } from './publicPortal.js';
import { auditLog, blockers, milestones, regions, reports, users } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { docxText } from '../../testing/docxText.js';
import { ROOMY_AUTH_LIMITS, ROOMY_PUBLIC_LIMITS, ROOMY_REFUSAL_LIMITS, startHarness, type Harness } from '../../testing/harness.js';
import { multipartForm } from '../../testing/multipartForm.js';
import { dayFrom, reportingApi, today } from '../../testing/reportingCalls.js';
import { makeRegion, makeUnit } from '../../testing/factories.js';
import { makeDistrict, makePerson, makePlan, makeProgram, makeProject, makeTask, type District, type Person } from '../../testing/workFactories.js';

const PHOTO = readFileSync(new URL('../../../demo/fixtures/site.png', import.meta.url));
const PDF = readFileSync(new URL('../../../demo/fixtures/note.pdf', import.meta.url));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Articles, briefings and the public portal share one harness per database (the suite's time is short). */
describe.each(DATABASE_KINDS)('宣传 articles, 简报 and the public portal on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let both: Person;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    both = await makePerson(h.app, h.db.database, [{ role: 'publicist' }, { role: 'hq_office' }], d.unitB.id);
  });
  afterAll(async () => h?.close());

  const pub = (url: string) => h.app.inject({ url });
  const create = async (over: Record<string, unknown> = {}) =>
    (await api.write(d.publicist, 'POST', '/api/articles', { kind: 'news', title: '全区重点项目集中开工', excerpt: '12个项目集中开工', content: '<p>正文</p>', ...over }, 200)).json().data;

  it('takes an article from draft through review to the portal, with each refusal on the way', async () => {
    const made = await create({ content: '<p onclick="steal()">全区<strong>12个</strong>项目开工<script>alert(1)</script></p><a href="javascript:alert(2)">点此</a><img src="https://evil.example/x.png" onerror="alert(3)">' });
    expect(made).toMatchObject({ status: 'draft', kind: 'news', excerpt: '12个项目集中开工', version: 0, authorId: d.publicist.id });
    // Stored as sanitised: no script, handler or javascript: link, no foreign image.
    expect(made.content).toBe('<p>全区<strong>12个</strong>项目开工</p><a>点此</a>');
    const id = made.id as string;

    // Only the publicity office and its reviewers take part.
    await api.write(d.liaisonA, 'POST', '/api/articles', { kind: 'news', title: 'x' }, 403, 'forbidden');
    expect((await api.get(d.liaisonA, '/api/articles')).statusCode).toBe(403);
    expect((await api.get(d.taskForce, `/api/articles/${id}`)).statusCode).toBe(403);
    await api.write(d.hq, 'PATCH', `/api/articles/${id}`, { version: 0, title: '越权' }, 403, 'forbidden');
    expect((await api.get(d.hq, `/api/articles/${id}`)).json().policies).toMatchObject({ read: true, update: false, approve: false, submit: false });
    // Bad input names the field in the user's language; nothing is written.
    await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 0, title: '标题\ud800' }, 400, 'validation');
    expect((await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 0, content: '<p>a\u0007b</p>' }, 400, 'validation')).json().error.message).toContain('内容');
    expect((await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 0, excerpt: 'x'.repeat(501) }, 400, 'validation')).json().error.message).toContain('摘要');

    // Publishing a draft is not a step; the publicist does not publish.
    await api.write(d.hq, 'POST', `/api/articles/${id}/approve`, { version: 0 }, 409, 'article_step_invalid');
    await api.write(d.publicist, 'POST', `/api/articles/${id}/approve`, { version: 0 }, 403, 'forbidden');
    const edited = (await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 0, content: `${made.content}<p>第二段</p>` }, 200)).json().data;
    expect(edited.version).toBe(1);
    await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 0, title: '旧版本' }, 409, 'version_conflict');
    await api.write(d.publicist, 'POST', `/api/articles/${id}/submit`, { version: 1 }, 200);
    await api.write(d.publicist, 'PATCH', `/api/articles/${id}`, { version: 2, title: '审核中改' }, 409, 'article_not_draft');
    expect((await pub(`/api/public/articles/${id}`)).statusCode).toBe(404);

    // Returned with a reason, mended, published by a leader.
    await api.write(d.hq, 'POST', `/api/articles/${id}/return`, { version: 2 }, 400, 'validation');
    const returned = (await api.write(d.hq, 'POST', `/api/articles/${id}/return`, { version: 2, reason: '数据需核实' }, 200)).json().data;
    expect(returned).toMatchObject({ status: 'draft', returnReason: '数据需核实' });
    await api.write(d.publicist, 'POST', `/api/articles/${id}/submit`, { version: 3 }, 200);
    await api.write(d.leader, 'POST', `/api/articles/${id}/approve`, { version: 3 }, 409, 'version_conflict');
    const published = (await api.write(d.leader, 'POST', `/api/articles/${id}/approve`, { version: 4 }, 200)).json();
    expect(published.data).toMatchObject({ status: 'published', reviewedById: d.leader.id });
    expect(published.policies).toMatchObject({ withdraw: true, approve: false });
    await api.write(d.leader, 'POST', `/api/articles/${id}/approve`, { version: 5 }, 409, 'article_step_invalid');

    // The portal shows it, and nothing of a person.
    const one = await pub(`/api/public/articles/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().data).toEqual({ id, kind: 'news', title: '全区重点项目集中开工', excerpt: '12个项目集中开工', publishedAt: expect.any(String), content: '<p>全区<strong>12个</strong>项目开工</p><a>点此</a><p>第二段</p>', periodStart: null, periodEnd: null, issueNumber: null });
    const portal = await pub('/api/public/portal');
    expect(portal.statusCode).toBe(200);
    expect(portal.json().data.articles.map((a: { id: string }) => a.id)).toContain(id);
    expect(portal.json().data).toMatchObject({ rankings: [], complaintPath: '/public/complaint' });
    const [me] = await h.db.database.db.select({ name: users.displayName, mobile: users.mobile, account: users.account }).from(users).where(eq(users.id, d.publicist.id));
    for (const body of [portal.body, one.body]) {
      expect(body).not.toContain(me!.account);
      expect(body).not.toContain(d.publicist.id);
      expect(body).not.toContain(d.leader.id);
      if (me!.mobile) expect(body).not.toContain(me!.mobile);
      expect(body).not.toMatch(/authorName|reviewedBy|returnReason|displayName/);
    }
    // Kept and revalidated: the same bytes again are 304.
    expect((await h.app.inject({ url: '/api/public/portal', headers: { 'if-none-match': portal.headers.etag as string } })).statusCode).toBe(304);

    // Withdrawn: gone from the portal at once.
    await api.write(d.publicist, 'POST', `/api/articles/${id}/withdraw`, { version: 5 }, 200);
    expect((await pub(`/api/public/articles/${id}`)).statusCode).toBe(404);
    expect((await pub('/api/public/portal')).json().data.articles.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await pub(`/api/public/articles/${randomUUID()}`)).statusCode).toBe(404);
    expect((await pub('/api/public/articles/not-a-uuid')).statusCode).toBe(400);
    await api.write(d.publicist, 'POST', `/api/articles/${id}/revise`, { version: 6 }, 200);
  });

  it('sends the kept portal gzipped to a browser that takes it, and shows a publication through another instance within PUBLIC_FRESH_MS', async () => {
    const plain = await pub('/api/public/portal');
    const zipped = await h.app.inject({ url: '/api/public/portal', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await h.app.inject({ url: '/api/public/portal', headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag as string } })).statusCode).toBe(304);
    expect((await h.app.inject({ url: '/api/public/portal', headers: { 'accept-encoding': 'gzip;q=0', 'if-none-match': zipped.headers.etag as string } })).statusCode).toBe(200);
    expect((await h.app.inject({ url: '/api/public/portal', headers: { 'accept-encoding': 'gzip;q=0' } })).headers['content-encoding']).toBeUndefined();
    if (kind !== 'postgres') return;

    // A second instance on the same database (its own pool and linker): its publication is not heard
    // here, and shows on this instance's portal once the kept reply is older than PUBLIC_FRESH_MS.
    const other = await openDatabase({ databaseUrl: h.db.url!, poolSize: 2, migrate: false });
    const app2 = await buildApp({ database: other, logLevel: 'silent', authLimits: ROOMY_AUTH_LIMITS, refusalLimits: ROOMY_REFUSAL_LIMITS, publicLimits: ROOMY_PUBLIC_LIMITS });
    try {
      await app2.ready();
      const api2 = reportingApi(app2, other);
      const { id } = (await api2.write(d.publicist, 'POST', '/api/articles', { kind: 'news', title: '另一实例发布', excerpt: '摘要', content: '<p>正文</p>' }, 200)).json().data;
      await pub('/api/public/portal'); // kept here before the publication
      await api2.write(d.publicist, 'POST', `/api/articles/${id}/submit`, { version: 0 }, 200);
      await api2.write(d.leader, 'POST', `/api/articles/${id}/approve`, { version: 1 }, 200);
      await new Promise((r) => setTimeout(r, PUBLIC_FRESH_MS + 50));
      expect((await pub('/api/public/portal')).json().data.articles.map((a: { id: string }) => a.id)).toContain(id);
      expect((await pub(`/api/public/articles/${id}`)).statusCode).toBe(200);
    } finally {
      await app2.close();
      await other.close();
    }
  });

  it('refuses to send an empty article to review and to let its author approve it', async () => {
    const empty = await create({ content: '<p> </p><script>x</script>' });
    await api.write(d.publicist, 'POST', `/api/articles/${empty.id}/submit`, { version: 0 }, 422, 'article_empty');
    const own = (await api.write(both, 'POST', '/api/articles', { kind: 'experience', title: '典型经验', content: '<p>经验做法</p>' }, 200)).json().data;
    await api.write(both, 'POST', `/api/articles/${own.id}/submit`, { version: 0 }, 200);
    const refused = await api.write(both, 'POST', `/api/articles/${own.id}/approve`, { version: 1 }, 403, 'article_own_approval');
    expect(refused.json().error.message).toContain('推进办');
    await api.write(d.hq, 'POST', `/api/articles/${own.id}/approve`, { version: 1 }, 200);
  });

  it('keeps images the publicist uploaded, refuses what is not an image, and shows them to the public only once published', async () => {
    const upload = (bytes: Buffer, filename: string) => {
      const form = multipartForm({}, [{ filename, contentType: 'image/png', bytes }], 'file');
      return api.call(d.publicist, 'POST', '/api/articles/images', form.payload, form.headers);
    };
    const up = await upload(PHOTO, '现场.png');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().data).toMatchObject({ sha256: sha(PHOTO), src: `/api/articles/images/${sha(PHOTO)}`, mime: 'image/png' });
    const pdf = await upload(PDF, '伪装.png');
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([415, 'article_image_type']);
    const notMine = 'b'.repeat(64);
    const a = await create({ content: `<p>现场</p><img src="/api/articles/images/${sha(PHOTO)}" alt="开工现场"><img src="/api/articles/images/${notMine}">` });
    expect(a.content).toBe(`<p>现场</p><img src="/api/articles/images/${sha(PHOTO)}" alt="开工现场">`);
    expect((await api.get(d.hq, `/api/articles/images/${sha(PHOTO)}`)).headers['content-type']).toBe('image/png');
    expect((await pub(`/api/public/images/${sha(PHOTO)}`)).statusCode).toBe(404);
    await api.write(d.publicist, 'POST', `/api/articles/${a.id}/submit`, { version: 0 }, 200);
    await api.write(d.hq, 'POST', `/api/articles/${a.id}/approve`, { version: 1 }, 200);
    const img = await pub(`/api/public/images/${sha(PHOTO)}`);
    expect([img.statusCode, img.headers['content-type'], img.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);
    expect((await pub(`/api/public/articles/${a.id}`)).json().data.content).toContain(`src="/api/public/images/${sha(PHOTO)}"`);
  });

  it('generates a 简报 from the period’s facts, edited and read back as a .docx without the script put in it', async () => {
    const db = h.db.database.db;
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { title: '老旧小区改造<b>工程</b>' });
    await db.insert(reports).values({ itemType: 'task', itemId: task.id, unitId: d.unitA.id, period: '2026-01', status: 'accepted', percent: '60.00', acceptedAt: new Date() });
    await db.insert(milestones).values({ taskId: task.id, name: '完成施工招标', due: today(), doneOn: today() });
    await makeProject(h.db.database, d.plan.id, d.unitB.id, { name: '辽河湾新材料产业园', totalInvestment: '85000.00', stage: 'started', stageDates: { started: { actual: today() } } });
    await db.insert(blockers).values({ itemType: 'task', itemId: task.id, unitId: d.unitA.id, title: '施工用地审批慢', status: 'resolved', resolvedAt: new Date() });
    // Another district's facts of the same period are not this district's 简报's (the region seal).
    const elsewhere = await makeRegion(h.db.database, { fresh: true });
    const farUnit = await makeUnit(h.db.database, { regionId: elsewhere.id, name: '外区住建局' });
    const farTask = await makeTask(h.db.database, (await makePlan(h.db.database, (await makeProgram(h.db.database, elsewhere.id)).id)).id, [{ unitId: farUnit.id }], { title: '外区道路改造' });
    await db.insert(reports).values({ itemType: 'task', itemId: farTask.id, unitId: farUnit.id, period: '2026-01', status: 'accepted', percent: '70.00', acceptedAt: new Date() });
    await db.insert(milestones).values({ taskId: farTask.id, name: '外区完成设计', due: today(), doneOn: today() });
    await db.insert(blockers).values({ itemType: 'task', itemId: farTask.id, unitId: farUnit.id, title: '外区资金缺口', status: 'resolved', resolvedAt: new Date() });

    await api.write(d.liaisonA, 'POST', '/api/briefings', { periodStart: dayFrom(-3), periodEnd: today() }, 403, 'forbidden');
    await api.write(d.publicist, 'POST', '/api/briefings', { periodStart: today(), periodEnd: dayFrom(-3) }, 400, 'validation');
    const made = (await api.write(d.publicist, 'POST', '/api/briefings', { periodStart: dayFrom(-3), periodEnd: today() }, 200)).json().data;
    expect(made).toMatchObject({ kind: 'briefing', status: 'draft', periodStart: dayFrom(-3), periodEnd: today() });
    expect(made.issueNumber).toMatch(/^\d{4}年第\d+期$/);
    expect(made.content).toContain(`<li>${d.unitA.name}：老旧小区改造&lt;b&gt;工程&lt;/b&gt;，进度60%。</li>`);
    expect(made.content).toContain('完成施工招标');
    expect(made.content).toContain('辽河湾新材料产业园');
    expect(made.content).toContain(`<li>${d.unitA.name}：施工用地审批慢。</li>`);
    expect(made.content).toContain('<h2>考核排名</h2><p>暂无已发布的考核排名。</p>');
    for (const far of ['外区住建局', '外区道路改造', '外区完成设计', '外区资金缺口']) expect(made.content).not.toContain(far);

    const content = `${made.content}<p>补充说明：各单位要再接再厉。</p><script>alert("x")</script><p onmouseover="alert(1)">结束</p>`;
    await api.write(d.publicist, 'PATCH', `/api/articles/${made.id}`, { version: 0, content }, 200);
    const file = await api.get(d.hq, `/api/briefings/${made.id}.docx`);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(file.rawPayload);
    expect(text).toContain(made.title);
    expect(text).toContain('工作进展');
    expect(text).toContain(`${d.unitA.name}：老旧小区改造<b>工程</b>，进度60%。`);
    expect(text).toContain('补充说明：各单位要再接再厉。');
    expect(text).toContain('（草稿，未发布）');
    expect(text).not.toContain('alert');
    expect((await api.get(d.liaisonA, `/api/briefings/${made.id}.docx`)).statusCode).toBe(403);

    // Published, the document is issued: the .docx downloaded later is the same file, whatever changes after.
    await api.write(d.publicist, 'POST', `/api/articles/${made.id}/submit`, { version: 1 }, 200);
    await api.write(d.hq, 'POST', `/api/articles/${made.id}/approve`, { version: 2 }, 200);
    const issued = Buffer.from((await api.get(d.hq, `/api/briefings/${made.id}.docx`)).rawPayload);
    const issuedText = await docxText(issued);
    expect(issuedText).not.toContain('（草稿，未发布）');
    const [district] = await db.select().from(regions).where(isNull(regions.parentId)).orderBy(asc(regions.createdAt), asc(regions.id)).limit(1);
    expect(issuedText).toContain(`${district!.name}推进办`);
    // The facts move on: another report accepted, the district renamed (the issuer a new document would name).
    await db.insert(reports).values({ itemType: 'task', itemId: task.id, unitId: d.unitA.id, period: '2026-02', status: 'accepted', percent: '90.00', acceptedAt: new Date() });
    await db.update(regions).set({ name: `${district!.name}新区` }).where(eq(regions.id, district!.id));
    try {
      const later = Buffer.from((await api.get(d.publicist, `/api/briefings/${made.id}.docx`)).rawPayload);
      expect(later.equals(issued)).toBe(true);
      expect(await docxText(later)).not.toContain('新区推进办');
      // The file's hash is in the publishing's audit record.
      const [rec] = await db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.entityId, made.id), eq(auditLog.action, 'article.published')));
      expect(JSON.stringify(rec?.after)).toContain(createHash('sha256').update(issued).digest('hex'));
    } finally {
      await db.update(regions).set({ name: district!.name }).where(eq(regions.id, district!.id));
    }
  });
});
