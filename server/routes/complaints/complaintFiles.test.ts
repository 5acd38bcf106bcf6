import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_FILE_MAX_BYTES } from '../../../domain/complaints.js';
import { ROLES, type Role } from '../../../domain/enums.js';
import { isStorableText } from '../../../domain/storableText.js';
import { auditLog, complaintFiles, complaints } from '../../db/schema/index.js';
import { auditMark, send, snapshot, told } from '../../testing/api.js';
import { caseOfComplaint, COMPLAINT_PHOTO, complaintBody } from '../../testing/complaintCalls.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { loginAs, makeUser, type Session } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { multipartForm, type FormFile } from '../../testing/multipartForm.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
/** A JPEG's first bytes and some more: the type is decided by them. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 window photo'), randomBytes(64)]);
const HTML = Buffer.from('<html><script>fetch("/api/me")</script></html>');
/** A per-address limit of 4, so the throttle test reaches it; every other test from addresses of its own. */
const LIMITS = { submitPerAddress: 4, submitWindowSeconds: 600, submitOverallPerMinute: 1_000_000, lookupPerAddressPerMinute: 1_000_000, lookupOverallPerMinute: 1_000_000 };
let nextAddress = 1;
const freshAddress = () => `10.7.0.${nextAddress++}`;
const fields = (over: Record<string, string> = {}) => ({ ...(complaintBody() as Record<string, string>), ...over });

describe.each(DATABASE_KINDS)('a public complaint’s attachments on %s', (kind) => {
  let h: Harness;
  let overseer: Session;
  beforeAll(async () => {
    h = await startHarness(kind, { publicLimits: LIMITS });
    overseer = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'oversight' }]));
  });
  afterAll(async () => h?.close());

  const submit = (files: readonly FormFile[], over: Record<string, string> = {}, remoteAddress = freshAddress(), headers: Record<string, string> = {}) => {
    const form = multipartForm(fields(over), files);
    return h.app.inject({ method: 'POST', url: '/api/public/complaints', payload: form.payload, headers: { ...form.headers, ...headers }, remoteAddress });
  };
  const refused = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const e = res.json().error as { code: string; message: string; fields?: Record<string, string> };
    expect(e.code).toBe(code);
    return e;
  };
  const caseFiles = async (caseId: string) => (await send(h.app, { method: 'GET', url: `/api/oversight/cases/${caseId}/complaint` }, overseer)).json().data.files as { sha256: string; name: string; mime: string; size: number }[];
  const download = (caseId: string, sha256: string, session: Session | null = overseer) => send(h.app, { method: 'GET', url: `/api/oversight/cases/${caseId}/complaint/files/${sha256}` }, session);

  it('keeps photos and a PDF, typed by their bytes, for the oversight role to read back byte for byte; the complainant never sees them', async () => {
    const mark = await auditMark(h.db.database);
    const res = await submit([
      { filename: '窗口现场.png', contentType: 'image/png', bytes: COMPLAINT_PHOTO },
      // A JPEG called .pdf and claimed to be one: a JPEG, saved as one.
      { filename: '受理回执.pdf', contentType: 'application/pdf', bytes: JPEG },
      { filename: '举报信.PDF', contentType: 'application/octet-stream', bytes: PDF },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { trackingCode } = res.json().data;
    const caseId = await caseOfComplaint(h.db.database, trackingCode);

    expect(await caseFiles(caseId)).toEqual([
      { sha256: sha(COMPLAINT_PHOTO), name: '窗口现场.png', mime: 'image/png', size: COMPLAINT_PHOTO.length },
      { sha256: sha(JPEG), name: '受理回执.pdf.jpg', mime: 'image/jpeg', size: JPEG.length },
      { sha256: sha(PDF), name: '举报信.PDF', mime: 'application/pdf', size: PDF.length },
    ]);
    const photo = await download(caseId, sha(COMPLAINT_PHOTO));
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(COMPLAINT_PHOTO)).toBe(true);
    expect(photo.headers).toMatchObject({
      'content-type': 'image/png',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'content-disposition': `inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('窗口现场.png')}`,
    });
    const pdf = await download(caseId, sha(PDF));
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; /);
    expect((await download(caseId, sha(JPEG))).headers['content-type']).toBe('image/jpeg');

    // Another case's file, an unknown hash, a case from elsewhere: 404 to the oversight role too.
    const other = await caseOfComplaint(h.db.database, (await submit([{ filename: 'b.pdf', bytes: PDF }])).json().data.trackingCode);
    expect((await download(other, sha(COMPLAINT_PHOTO))).statusCode).toBe(404);
    expect((await download(caseId, 'f'.repeat(64))).json().error.message).toBe('投诉附件不存在');
    // Not through the evidence route, to a reader of reports: nobody uploaded them there.
    const hq = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'hq_office' }]));
    expect((await send(h.app, { method: 'GET', url: `/api/evidence/${sha(JPEG)}` }, hq)).statusCode).toBe(404);

    // The tracking code shows no file; the audit records keep facts: the case id, no names, no words.
    const view = await h.app.inject({ method: 'GET', url: `/api/public/complaints/${trackingCode}`, remoteAddress: freshAddress() });
    expect(Object.keys(view.json().data).sort()).toEqual(['environment', 'repliedOn', 'reply', 'status', 'submittedOn', 'trackingCode']);
    expect(view.body).not.toMatch(/窗口现场|举报信|[0-9a-f]{64}/);
    const records = await h.db.database.db.select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.entityId, caseId)));
    expect(records.map((r) => [r.action, r.entity])).toEqual([
      ['oversight_case.complaint_received', 'oversight_case'],
      ['oversight_case.file_downloaded', 'oversight_case'],
      ['oversight_case.file_downloaded', 'oversight_case'],
      ['oversight_case.file_downloaded', 'oversight_case'],
    ]);
    for (const r of records) expect([r.before, r.after]).toEqual([null, null]);
    expect(JSON.stringify(records)).not.toMatch(/窗口现场|举报信|受理回执|辽河|王经理/);
  });

  it('refuses a file that is not what its name says, one too large and one too many, naming the field in Chinese, and stores nothing', async () => {
    const before = await snapshot(h.db.database);
    const disguised = refused(await submit([{ filename: '现场照片.jpg', contentType: 'image/jpeg', bytes: HTML }]), 415, 'complaint_file_type');
    expect(disguised.message).toBe('附件“现场照片.jpg”不是图片（JPG、PNG）或 PDF 文件，已拒绝（按文件内容判断，与文件名无关）');
    expect(disguised.fields).toEqual({ files: disguised.message });
    // The bad one among good ones: none is kept.
    refused(await submit([{ filename: 'a.png', bytes: COMPLAINT_PHOTO }, { filename: 'setup.pdf', contentType: 'application/pdf', bytes: Buffer.from('MZ\x90\0PE\0\0') }]), 415, 'complaint_file_type');

    const big = Buffer.concat([PDF, Buffer.alloc(COMPLAINT_FILE_MAX_BYTES + 1 - PDF.length, 0x20)]);
    const tooLarge = refused(await submit([{ filename: 'ok.png', bytes: COMPLAINT_PHOTO }, { filename: '扫描件.pdf', bytes: big }]), 413, 'complaint_file_too_large');
    expect(tooLarge.message).toBe('附件“扫描件.pdf”过大：每个附件不能超过 5 MB');
    expect(Object.keys(tooLarge.fields ?? {})).toEqual(['files']);

    const four = [1, 2, 3, 4].map((i) => ({ filename: `${i}.pdf`, bytes: Buffer.concat([PDF, Buffer.from(String(i))]) }));
    const tooMany = refused(await submit(four), 400, 'complaint_too_many_files');
    expect(tooMany).toMatchObject({ message: '附件过多：最多 3 个', fields: { files: '附件过多：最多 3 个' } });
    // In English when asked.
    expect(refused(await submit(four, {}, freshAddress(), { 'accept-language': 'en-US' }), 400, 'complaint_too_many_files').message).toBe('Too many attachments: at most 3');

    // A file in another field, a text field sent twice, an unknown field, a field with a control character.
    const elsewhere = multipartForm(fields(), [{ filename: 'a.png', bytes: COMPLAINT_PHOTO }], 'photo');
    const inPhoto = refused(await h.app.inject({ method: 'POST', url: '/api/public/complaints', payload: elsewhere.payload, headers: elsewhere.headers, remoteAddress: freshAddress() }), 400, 'validation');
    expect(inPhoto.fields).toHaveProperty('photo');
    expect(refused(await submit([], { extra: 'x' }), 400, 'validation').fields).toHaveProperty('extra');
    const control = refused(await submit([{ filename: 'a.png', bytes: COMPLAINT_PHOTO }], { enterprise: '辽河\u0007新材料' }), 400, 'validation');
    expect(control.message).toContain('企业名称');
    expect(control.fields).toHaveProperty('enterprise');
    const short = refused(await submit([{ filename: 'a.png', bytes: COMPLAINT_PHOTO }], { description: '太短' }), 400, 'validation');
    expect(short.fields).toHaveProperty('description');

    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('stores nothing at all for a refused request', async () => {
    const before = await snapshot(h.db.database);
    refused(await submit([{ filename: '现场照片.jpg', contentType: 'image/jpeg', bytes: HTML }]), 415, 'complaint_file_type');
    refused(await submit([{ filename: 'x.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(COMPLAINT_FILE_MAX_BYTES)]) }]), 413, 'complaint_file_too_large');
    refused(await submit([1, 2, 3, 4].map((i) => ({ filename: `${i}.png`, bytes: COMPLAINT_PHOTO }))), 400, 'complaint_too_many_files');
    refused(await submit([{ filename: 'a.png', bytes: COMPLAINT_PHOTO }], { contact: '请打电话' }), 400, 'validation');
    // A form with no boundary, or cut off in the middle of a file: the sender's fault, 400.
    const raw = (payload: Buffer, contentType: string) => h.app.inject({ method: 'POST', url: '/api/public/complaints', payload, headers: { 'content-type': contentType }, remoteAddress: freshAddress() });
    expect((await raw(Buffer.from('x'), 'multipart/form-data')).statusCode).toBe(400);
    const whole = multipartForm(fields(), [{ filename: 'a.png', bytes: COMPLAINT_PHOTO }]);
    expect((await raw(whole.payload.subarray(0, whole.payload.length - 200), whole.headers['content-type'])).statusCode).toBe(400);
    // The honeypot with a file: a success that stores nothing.
    expect((await submit([{ filename: 'a.png', bytes: randomBytes(8) }], { website: 'http://spam.example' })).statusCode).toBe(200);
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('counts a request before reading it: a throttled one with a file stores nothing', async () => {
    const flood = freshAddress();
    for (let i = 0; i < LIMITS.submitPerAddress; i++) expect((await submit([], {}, flood)).statusCode).toBe(200);
    const before = await snapshot(h.db.database);
    const photo = Buffer.concat([COMPLAINT_PHOTO, randomBytes(16)]);
    const limited = await submit([{ filename: '窗口现场.png', bytes: photo }], {}, flood);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toBe('请求过于频繁，请稍后再试');
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('keeps file names as clean text: no controls, bidi overrides or broken characters', async () => {
    const names: [string | Buffer, string][] = [
      ['现场\u0007照片\u001b[31m.png', '现场照片[31m.png'],
      ['invoice\u202Egnp.exe', 'invoicegnp.exe.png'],
      // A lone surrogate as a sender's bytes would spell it (CESU-8): not UTF-8, read as replacement characters.
      [Buffer.concat([Buffer.from('a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('b.png')]), ''],
      ['..\\..\\etc\\passwd.png', 'passwd.png'],
    ];
    for (const [filename, expected] of names) {
      const res = await submit([{ filename, bytes: Buffer.concat([COMPLAINT_PHOTO, randomBytes(8)]) }]);
      expect(res.statusCode, res.body).toBe(200);
      const [row] = await h.db.database.db
        .select({ name: complaintFiles.name })
        .from(complaintFiles)
        .innerJoin(complaints, eq(complaints.id, complaintFiles.complaintId))
        .where(eq(complaints.trackingCode, res.json().data.trackingCode.replaceAll('-', '')));
      expect(isStorableText(row!.name), JSON.stringify(row!.name)).toBe(true);
      expect(row!.name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/);
      if (expected) expect(row!.name).toBe(expected);
      else expect(row!.name).toMatch(/^a.*b\.png$/);
    }
  });

  it('answers every other role and a stranger on the download route, with real ids, exactly as a URL no route serves', async () => {
    const res = await submit([{ filename: '窗口现场.png', bytes: COMPLAINT_PHOTO }]);
    const caseId = await caseOfComplaint(h.db.database, res.json().data.trackingCode);
    const url = `/api/oversight/cases/${caseId}/complaint/files/${sha(COMPLAINT_PHOTO)}`;
    expect((await send(h.app, { method: 'GET', url }, overseer)).statusCode).toBe(200);
    const missingUrl = url.replace('/api/oversight', '/api/nope');
    const roles: readonly Role[] = kind === 'embedded' ? ROLES.filter((r) => r !== 'oversight') : ['leader', 'hq_office', 'liaison', 'inspector', 'auditor'];
    const wrong: string[] = [];
    const before = await snapshot(h.db.database);
    const mark = await auditMark(h.db.database);
    for (const role of roles) {
      const session = await loginAs(h.app, await makeUser(h.db.database, [{ role }]));
      const mark2 = await auditMark(h.db.database);
      for (const probe of [url, url.toUpperCase().replace('/API/OVERSIGHT/CASES/', '/api/oversight/cases/').replace('/COMPLAINT/FILES/', '/complaint/files/'), `/api/oversight/cases/${randomUUID()}/complaint/files/${sha(COMPLAINT_PHOTO)}`]) {
        const got = told(await send(h.app, { method: 'GET', url: probe }, session));
        const expected = told(await send(h.app, { method: 'GET', url: probe.replace('/api/oversight', '/api/nope') }, session));
        if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${role} ${probe}: ${JSON.stringify(got)}`);
      }
      if ((await auditMark(h.db.database)) !== mark2) wrong.push(`${role} left a record`);
    }
    for (const headers of [{}, { cookie: 'tuijin_sid=forged' }] as Record<string, string>[]) {
      const got = told(await h.app.inject({ method: 'GET', url, headers }));
      expect(got.status).toBe(401);
      expect(got).toEqual(told(await h.app.inject({ method: 'GET', url: missingUrl, headers })));
    }
    expect(wrong).toEqual([]);
    // Logins aside (each outsider signed in) and the strangers' 401s (recorded as for any URL), nothing changed and nobody downloaded anything.
    const records = await h.db.database.db.select({ action: auditLog.action }).from(auditLog).where(gt(auditLog.id, mark));
    expect(records.filter((r) => !/^(auth|user)\./.test(r.action) && r.action !== 'access.refused')).toEqual([]);
    expect((await snapshot(h.db.database)).complaint_files).toBe(before.complaint_files);
  });
});
