import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCount } from '../audit.js';
import { expectError, send, snapshot } from '../testing/api.js';
import { DATABASE_KINDS } from '../testing/databases.js';
import { loginAs, makeUnit, makeUser, type Session } from '../testing/factories.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { IMPORT_HEADER, multipart, readXlsx, XLSX_TYPE, xlsxFile } from '../testing/xlsx.js';
import { xlsxBomb } from '../testing/zip.js';

describe.each(DATABASE_KINDS)('importing users from .xlsx on %s', (kind) => {
  let h: Harness;
  let sys: Session;
  let unit: { id: string; name: string; code: string };
  beforeAll(async () => {
    h = await startHarness(kind);
    sys = await loginAs(h.app, await makeUser(h.db.database, [{ role: 'sysadmin' }]));
    unit = await makeUnit(h.db.database, { name: '金石滩街道', code: 'jst' });
    await makeUser(h.db.database, [{ role: 'liaison' }], { account: 'taken_liaison', mobile: '13600000000' });
  });
  afterAll(async () => h?.close());

  const upload = async (url: string, rows: (string | null)[][], filename = 'users.xlsx', lang = 'zh-CN') => {
    const file = multipart(await xlsxFile(rows), filename);
    return send(h.app, { method: 'POST', url, payload: file.payload, headers: { ...file.headers, 'accept-language': lang } }, sys);
  };

  it('hands out a template whose header row names the columns', async () => {
    const res = await send(h.app, { method: 'GET', url: '/api/users/import/template' }, sys);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain('user-import-template.xlsx');
    const [header, example] = await readXlsx(res.rawPayload);
    expect(header!.join('|')).toMatch(/^账号.*\|职务.*\|手机号.*\|单位.*\|角色.*\|邮箱.*$/);
    expect(example).toHaveLength(6);
  });

  it('previews every row with its own errors and writes nothing', async () => {
    const before = await snapshot(h.db.database);
    const res = await upload('/api/users/import/preview', [
      ['jst_liaison', '金石滩街道联络员', '13800000001', '金石滩街道', '联络员'],
      ['jst_head', '金石滩街道党工委书记', '', 'jst', 'unit_head、Liaison'],
      ['ghost_unit', '无名单位联络员', '', '不存在的街道', '联络员'],
      ['bad_role', '某联络员', '', '金石滩街道', '超级管理员'],
      ['taken_liaison', '重名联络员', '', '金石滩街道', '联络员'],
      ['JST_LIAISON', '文件内重名', '', '金石滩街道', '联络员'],
      ['bad_mobile', '手机号错', '1380000', '金石滩街道', '联络员'],
      ['taken_mobile', '手机号重', '13600000000', '金石滩街道', '联络员'],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { rows, valid, invalid } = res.json().data as { rows: { row: number; account: string; errors: { field: string; message: string }[] }[]; valid: number; invalid: number };
    expect({ valid, invalid }).toEqual({ valid: 2, invalid: 6 });
    const errorsOf = (account: string) => rows.find((r) => r.account === account)!.errors;
    expect(rows[0]).toMatchObject({ row: 2, account: 'jst_liaison', errors: [] });
    expect(errorsOf('jst_head')).toEqual([]);
    expect(errorsOf('ghost_unit')).toEqual([{ field: 'unit', message: '单位不存在：不存在的街道' }]);
    expect(errorsOf('bad_role')).toEqual([{ field: 'roles', message: '未知角色：超级管理员' }]);
    expect(errorsOf('taken_liaison')).toEqual([{ field: 'account', message: 'taken_liaison 已存在' }]);
    expect(errorsOf('JST_LIAISON')).toEqual([{ field: 'account', message: 'JST_LIAISON 文件中重复' }]);
    expect(errorsOf('bad_mobile').map((e) => e.field)).toEqual(['mobile']);
    expect(errorsOf('taken_mobile')).toEqual([{ field: 'mobile', message: '13600000000 已存在' }]);
    expect(await snapshot(h.db.database)).toEqual(before);

    const en = await upload('/api/users/import/preview', [['ghost_unit', '无名单位联络员', '', '不存在的街道', '联络员']], 'users.xlsx', 'en');
    expect(en.json().data.rows[0].errors).toEqual([{ field: 'unit', message: 'unknown unit: 不存在的街道' }]);
  });

  it('refuses the whole file when one row is bad (422 naming the row) and writes nothing', async () => {
    const before = await snapshot(h.db.database);
    const e = expectError(
      await upload('/api/users/import', [
        ['good_one', '好的联络员', '', '金石滩街道', '联络员'],
        ['bad_one', '坏的联络员', '', '金石滩街道', '不存在的角色'],
      ]),
      422,
      'import_invalid',
    );
    expect(e.message).toBe('导入文件有 1 行错误，未写入任何数据');
    expect(e.fields).toEqual({ row3: 'roles: 未知角色：不存在的角色' });
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('creates every account of a good file in one audit record; each logs in with its initial password', async () => {
    const before = await auditCount(h.db.database.db);
    const res = await upload('/api/users/import', [
      ['imp_liaison', '金石滩街道联络员', '13811112222', '金石滩街道', '联络员'],
      ['imp_head', '金石滩街道主任', '', 'jst', '单位一把手, task_force'],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const { created, accounts } = res.json().data as { created: number; accounts: { account: string; initialPassword: string }[] };
    expect(created).toBe(2);
    expect(accounts.map((a) => a.account)).toEqual(['imp_liaison', 'imp_head']);
    expect(await auditCount(h.db.database.db)).toBe(before + 1);

    for (const a of accounts) {
      const login = await send(h.app, { method: 'POST', url: '/api/auth/login', payload: { account: a.account, password: a.initialPassword } });
      expect(login.json().data.stage, a.account).toBe('change_password');
    }
    const list = (await send(h.app, { method: 'GET', url: `/api/users?unitId=${unit.id}&q=imp_` }, sys)).json().data as { account: string; roles: { role: string }[]; mobile: string | null }[];
    expect(list.map((u) => [u.account, u.roles.map((r) => r.role).sort(), u.mobile])).toEqual([
      ['imp_head', ['task_force', 'unit_head'], null],
      ['imp_liaison', ['liaison'], '13811112222'],
    ]);
  });

  it('takes an optional 邮箱 column, checked as the user form checks it, and keeps reading five-column sheets', async () => {
    const preview = await upload('/api/users/import/preview', [
      ['mail_ok', '有邮箱的联络员', '', '金石滩街道', '联络员', 'mail_ok@example.gov.cn'],
      ['mail_none', '没有邮箱的联络员', '', '金石滩街道', '联络员', ''],
      ['mail_bad', '邮箱写错的联络员', '', '金石滩街道', '联络员', 'mail_bad@'],
      ['mail_crlf', '邮箱夹带抄送', '', '金石滩街道', '联络员', 'a@example.gov.cn\r\nBcc: all@example.gov.cn'],
    ]);
    const rows = preview.json().data.rows as { account: string; email: string; errors: { field: string; message: string }[] }[];
    expect(rows.map((r) => [r.account, r.email, r.errors.map((e) => e.field)])).toEqual([
      ['mail_ok', 'mail_ok@example.gov.cn', []],
      ['mail_none', '', []],
      ['mail_bad', 'mail_bad@', ['email']],
      ['mail_crlf', expect.any(String), ['email']],
    ]);
    expect(rows[2]!.errors[0]!.message).toContain('须为电子邮箱地址');
    const en = (await upload('/api/users/import/preview', [['mail_bad', '邮箱写错的联络员', '', '金石滩街道', '联络员', 'mail_bad@']], 'users.xlsx', 'en')).json().data.rows[0];
    expect(en.errors[0].message).toContain('must be an e-mail address');

    const committed = await upload('/api/users/import', [
      ['mail_ok', '有邮箱的联络员', '', '金石滩街道', '联络员', 'mail_ok@example.gov.cn'],
      ['mail_none', '没有邮箱的联络员', '', '金石滩街道', '联络员', ''],
    ]);
    expect(committed.statusCode, committed.body).toBe(200);
    const old = multipart(await xlsxFile([['mail_old', '旧模板的联络员', '', '金石滩街道', '联络员']], IMPORT_HEADER.slice(0, 5)), 'old.xlsx');
    expect((await send(h.app, { method: 'POST', url: '/api/users/import', ...old }, sys)).statusCode).toBe(200);
    const list = (await send(h.app, { method: 'GET', url: `/api/users?unitId=${unit.id}&q=mail_` }, sys)).json().data as { account: string; email: string | null }[];
    expect(list.map((u) => [u.account, u.email])).toEqual([
      ['mail_none', null],
      ['mail_ok', 'mail_ok@example.gov.cn'],
      ['mail_old', null],
    ]);
  });

  it('refuses files that are not .xlsx workbooks with 415, and a form without a file with 400', async () => {
    const before = await snapshot(h.db.database);
    const good = await xlsxFile([['csv_user', '某联络员', '', '金石滩街道', '联络员']]);
    const tries = [
      multipart('account,displayName\nx,y\n', 'users.csv', 'text/csv'),
      multipart(good, 'users.xls', 'application/vnd.ms-excel'),
      multipart('PK\u0003\u0004 not really a zip', 'users.xlsx'),
      multipart('plain text', 'users.xlsx'),
    ];
    for (const t of tries) expect(expectError(await send(h.app, { method: 'POST', url: '/api/users/import', ...t }, sys), 415, 'unsupported_media').message).toBe('不支持的文件类型');
    expectError(await send(h.app, { method: 'POST', url: '/api/users/import/preview', payload: { file: 'x' } }, sys), 415, 'unsupported_media');
    const noFile = multipart('value', 'ignored', 'text/plain', 'note');
    noFile.payload = Buffer.from(noFile.payload.toString().replace('; filename="ignored"', ''));
    const missing = expectError(await send(h.app, { method: 'POST', url: '/api/users/import', ...noFile }, sys), 400, 'validation');
    expect(missing.fields).toEqual({ file: '必填' });
    expect(await snapshot(h.db.database)).toEqual(before);
  });

  it('refuses a zip bomb .xlsx at once from its zip directory, naming the file, before exceljs parses a byte', async () => {
    // 64 KB on the wire, a 64 MB sheet once inflated; the attacker's 2 MB one held 2.3 GB for 29 s.
    const bomb = xlsxBomb(64);
    // The workbook parser is exceljs's XLSX.load: it must never see the bomb.
    const load = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => unknown }, 'load');
    try {
      const before = await snapshot(h.db.database);
      for (const [url, lang, text] of [
        ['/api/users/import/preview', 'zh-CN', '文件“炸弹.xlsx”解压后超过 20 MB，已拒绝'],
        ['/api/users/import', 'en', 'The file “炸弹.xlsx” unpacks to more than 20 MB; refused'],
      ] as const) {
        const file = multipart(bomb, '炸弹\u202E.xlsx');
        const started = performance.now();
        const res = await send(h.app, { method: 'POST', url, payload: file.payload, headers: { ...file.headers, 'accept-language': lang } }, sys);
        expect(performance.now() - started).toBeLessThan(1000);
        expect(expectError(res, 413, 'archive_too_large').message).toBe(text);
      }
      // A directory that claims 1 KB for the 64 MB sheet is caught by inflating it — up to 1 KB.
      const liar = multipart(xlsxBomb(64, 1024), 'liar.xlsx');
      expect(expectError(await send(h.app, { method: 'POST', url: '/api/users/import', ...liar }, sys), 413, 'archive_mismatch').message).toBe('文件“liar.xlsx”解压后的大小与其目录记载不符，已拒绝');
      expect(load).not.toHaveBeenCalled();
      expect(await snapshot(h.db.database)).toEqual(before);
    } finally {
      load.mockRestore();
    }
  });
});
