import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../../../domain/schemas/evidence.js';
import { evidence, evidenceUploads } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { dayFrom, reportingApi, thisMonth } from '../../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District, type Person } from '../../testing/workFactories.js';
import { multipart, xlsxFile } from '../../testing/xlsx.js';
import { zipFile } from '../../testing/zip.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR site photo ${Math.random()}`)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(DATABASE_KINDS)('evidence on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const upload = async (who: Person, bytes: Buffer, name: string, status = 200, code?: string) => {
    const body = multipart(bytes, name, 'application/octet-stream');
    const res = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...who.session.headers, ...body.headers } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    return res;
  };

  it('stores the same bytes once (report once, use everywhere), for every uploader', async () => {
    const first = await upload(d.liaisonA, PNG, '现场照片.png');
    expect(first.json().data).toEqual({ sha256: sha(PNG), size: PNG.length, mime: 'image/png', name: '现场照片.png' });
    const again = await upload(d.liaisonB, PNG, 'copy.PNG');
    expect(again.json().data).toMatchObject({ sha256: sha(PNG), name: 'copy.PNG' });
    expect(await h.db.database.db.select({ s: evidence.sha256 }).from(evidence).where(eq(evidence.sha256, sha(PNG)))).toHaveLength(1);
    expect(await h.db.database.db.select().from(evidenceUploads).where(eq(evidenceUploads.sha256, sha(PNG)))).toHaveLength(2);
    // Both uploaders may fetch it, each under their own name; nobody else may yet.
    const mine = await api.call(d.liaisonB, 'GET', `/api/evidence/${sha(PNG)}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.headers['content-disposition']).toBe(`inline; filename="copy.PNG"; filename*=UTF-8''copy.PNG`);
    expect(mine.rawPayload.equals(PNG)).toBe(true);
    expect((await api.call(d.headA, 'GET', `/api/evidence/${sha(PNG)}`)).statusCode).toBe(404);
  });

  it('shows evidence to whoever can see a report that uses it, and to nobody else', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-10), deadline: dayFrom(100) });
    const pdf = (await upload(d.liaisonA, PDF, '验收报告.pdf')).json().data;
    const unknown = 'f'.repeat(64);
    const bad = await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', evidence: [unknown] }, 422, 'evidence_unknown');
    expect(Object.keys(bad.json().error.fields)).toEqual(['evidence.0']);
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '10', evidence: [pdf.sha256, { sha256: sha(PNG), name: '工地.png' }] })).json().data;
    expect(report.evidence.map((e: { name: string }) => e.name).sort()).toEqual(['工地.png', '验收报告.pdf']);
    // Replacing the list on a draft.
    const edited = await api.write(d.liaisonA, 'PATCH', `/api/reports/${report.id}`, { version: report.version, evidence: [pdf.sha256] }, 200);
    expect(edited.json().data.evidence).toHaveLength(1);
    // While the report is a draft its files stay with the unit; once submitted its readers see them.
    expect((await api.call(d.hq, 'GET', `/api/evidence/${pdf.sha256}`)).statusCode).toBe(404);
    await api.step(d.liaisonA, report.id, 'submit');
    for (const who of [d.headA, d.taskForce, d.hq]) expect((await api.call(who, 'GET', `/api/evidence/${pdf.sha256}`)).statusCode).toBe(200);
    const got = await api.call(d.taskForce, 'GET', `/api/evidence/${pdf.sha256}`);
    // A PDF is saved, not opened in our origin (see the /JavaScript test below).
    expect(got.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('验收报告.pdf')}`);
    for (const who of [d.otherTaskForce, d.headB]) expect((await api.call(who, 'GET', `/api/evidence/${pdf.sha256}`)).statusCode).toBe(404);
    // Roles that read no reports are refused outright.
    expect((await api.call(d.publicist, 'GET', `/api/evidence/${pdf.sha256}`)).statusCode).toBe(403);
    // B's liaison uploaded the photo too, so it may reuse it; the PDF it never had.
    const taskB = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitB.id }]);
    await api.create(d.liaisonB, { itemType: 'task', itemId: taskB.id, period: thisMonth(), percent: '1', evidence: [pdf.sha256] }, 422, 'evidence_unknown');
    const reused = (await api.create(d.liaisonB, { itemType: 'task', itemId: taskB.id, period: thisMonth(), percent: '1', evidence: [sha(PNG)] })).json().data;
    expect(reused.evidence).toEqual([{ sha256: sha(PNG), size: PNG.length, mime: 'image/png', name: 'copy.PNG' }]);
  });

  it('serves nothing that runs in our origin: a PDF with /JavaScript is an attachment under a sandboxing CSP; names lose bidi overrides', async () => {
    // Opened inline, this would run in our origin's PDF viewer; the U+202E makes "scan\u202Egnp.pdf" read as "scanfdp.png".
    const evil = Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF ${Math.random()}`);
    const up = (await upload(d.liaisonA, evil, 'scan\u202Egnp.pdf')).json().data;
    expect(up.name).toBe('scangnp.pdf');
    const sandboxed = { 'content-security-policy': "sandbox; default-src 'none'", 'x-content-type-options': 'nosniff' };
    const pdf = await api.call(d.liaisonA, 'GET', `/api/evidence/${up.sha256}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers).toMatchObject({ ...sandboxed, 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="scangnp.pdf"; filename*=UTF-8''scangnp.pdf` });

    // Office files are attachments too; only raster images stay inline (the report's thumbnails), sandboxed all the same.
    const sheet = (await upload(d.liaisonA, await xlsxFile([['x', String(Math.random())]]), '台账\u2067.xlsx')).json().data;
    const office = await api.call(d.liaisonA, 'GET', `/api/evidence/${sheet.sha256}`);
    expect(office.headers).toMatchObject({ ...sandboxed, 'content-disposition': `attachment; filename="__.xlsx"; filename*=UTF-8''${encodeURIComponent('台账.xlsx')}` });
    const photo = Buffer.concat([PNG, Buffer.from(String(Math.random()))]);
    const img = (await upload(d.liaisonA, photo, 'photo.png')).json().data;
    expect((await api.call(d.liaisonA, 'GET', `/api/evidence/${img.sha256}`)).headers).toMatchObject({ ...sandboxed, 'content-type': 'image/png', 'content-disposition': `inline; filename="photo.png"; filename*=UTF-8''photo.png` });

    // A name given with the report carrying a bidi override is refused like any such text (the
    // upload's answer gives the clean name to use); a name stored before names were cleaned is served clean.
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }], { startDate: dayFrom(-10), deadline: dayFrom(100) });
    const bidi = await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '5', evidence: [{ sha256: up.sha256, name: '发票\u202Efdp.exe' }] }, 400, 'validation');
    expect(bidi.json().error.fields).toEqual({ 'evidence.0.name': '不能包含控制字符、无效字符或文字方向控制符' });
    const report = (await api.create(d.liaisonA, { itemType: 'task', itemId: task.id, period: thisMonth(), percent: '5', evidence: [{ sha256: up.sha256, name: '发票fdp.exe' }] })).json().data;
    expect(report.evidence[0].name).toBe('发票fdp.exe');
    await h.db.database.db.update(evidenceUploads).set({ name: 'old\u202Efdp.exe' }).where(eq(evidenceUploads.sha256, up.sha256));
    const old = await api.call(d.liaisonA, 'GET', `/api/evidence/${up.sha256}`);
    expect(old.headers['content-disposition']).toBe(`attachment; filename="oldfdp.exe"; filename*=UTF-8''oldfdp.exe`);
    const shown = (await api.call(d.liaisonA, 'GET', `/api/reports/${report.id}`)).json().data;
    expect(shown.evidence[0].name).toBe('发票fdp.exe');
  });

  it('refuses an Office file that is a zip bomb (413 naming the file) from its zip directory, storing nothing', async () => {
    const before = await h.db.database.db.select({ s: evidence.sha256 }).from(evidence);
    const docx = (body: Buffer, claim?: number) =>
      zipFile([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: body, claim },
      ]);
    const spaces = Buffer.alloc(16 * 1024 * 1024, 0x20);
    const dense = await upload(d.liaisonA, docx(spaces), '总结.docx', 413, 'archive_ratio');
    expect(dense.json().error.message).toBe('文件“总结.docx”的压缩比超过 200 倍，疑似压缩炸弹，已拒绝');
    await upload(d.liaisonA, docx(spaces, 4096), 'liar.docx', 413, 'archive_mismatch');
    // An honest document of the same parts is accepted.
    expect((await upload(d.liaisonA, docx(Buffer.from(`<w:document>${Math.random()}</w:document>`)), '总结.docx')).json().data.mime).toMatch(/wordprocessingml/);
    expect(await h.db.database.db.select({ s: evidence.sha256 }).from(evidence)).toHaveLength(before.length + 1);
  });

  it('checks the type by extension and by content (415) and the size (413), writing nothing', async () => {
    const sheet = await xlsxFile([['a', 'b']]);
    expect((await upload(d.liaisonA, sheet, '台账.xlsx')).json().data.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const before = await h.db.database.db.select({ s: evidence.sha256 }).from(evidence);
    const refusals: [Buffer, string][] = [
      [Buffer.from('MZ\x90\x00 program'), 'tool.exe'],
      [PDF, 'photo.png'],
      [PNG, 'scan.pdf'],
      [sheet, '报告.docx'],
      [Buffer.from('PK\x03\x04 just a zip'), 'data.xlsx'],
      [Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg'],
      [PNG, 'noextension'],
      [Buffer.alloc(0), 'empty.pdf'],
    ];
    for (const [bytes, name] of refusals) {
      const res = await upload(d.liaisonA, bytes, name, 415, 'evidence_type');
      expect(res.json().error.message).toContain('PDF');
    }
    const huge = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES)]);
    const tooBig = await upload(d.liaisonA, huge, 'big.pdf', 413, 'evidence_too_large');
    expect(tooBig.json().error.message).toContain('10 MB');
    // Between 5 MB (the import limit) and 10 MB is fine here.
    const large = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 1024)]);
    expect((await upload(d.liaisonA, large, 'large.pdf')).json().data.size).toBe(large.length);
    expect(await h.db.database.db.select({ s: evidence.sha256 }).from(evidence)).toHaveLength(before.length + 1);
    const notMultipart = await api.call(d.liaisonA, 'POST', '/api/evidence', { file: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    await upload(d.publicist, PNG, 'p.png', 403, 'forbidden');
    expect((await api.call(d.liaisonA, 'GET', '/api/evidence/not-a-hash')).statusCode).toBe(400);
  });
});
