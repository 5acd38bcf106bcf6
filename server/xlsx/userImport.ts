import { newWorkbook } from './excelJs.js';
import type { Lang, Role } from '../../domain/enums.js';
import { roleConflict } from '../../domain/adminSeparation.js';
import { codeFromLabel, ROLE_LABELS } from '../../domain/labels.js';
import { LIMITS } from '../../domain/limits.js';
import { UserCreate, type UserCreateInput } from '../../domain/schemas/users.js';
import { AppError } from '../errors.js';
import type { Upload } from '../uploads.js';
import { guardZip, IMPORT_ZIP_LIMITS } from '../zipGuard.js';
import { escapeUnstorable, isStorableText } from '../../domain/storableText.js';
import { issueMessage, unstorableMessage } from '../validationMessages.js';

/** Column headers of the import sheet, in the order of the template. */
export const IMPORT_COLUMNS = [
  { key: 'account', zh: '账号', en: 'Account' },
  { key: 'displayName', zh: '职务（显示名）', en: 'Post (display name)' },
  { key: 'mobile', zh: '手机号', en: 'Mobile' },
  { key: 'unit', zh: '单位', en: 'Unit' },
  { key: 'roles', zh: '角色', en: 'Roles' },
  // Last, optional: a sheet made from the five-column template still reads the same.
  { key: 'email', zh: '邮箱', en: 'E-mail' },
] as const;

export interface RawImportRow {
  row: number;
  account: string;
  displayName: string;
  mobile: string;
  unit: string;
  roles: string;
  email: string;
}

/**
 * Reads the first sheet; row 1 is the header. Throws 415 when the file is not an .xlsx workbook,
 * 413 naming it when it would unpack too far: the zip guard runs before exceljs sees a byte.
 */
export async function readImportSheet(file: Upload): Promise<RawImportRow[]> {
  if (!(await guardZip(file.bytes, file.name, IMPORT_ZIP_LIMITS))) throw new AppError(415, 'unsupported_media');
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(415, 'unsupported_media');
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: RawImportRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cell = (i: number) => r.getCell(i).text.trim();
    const row = { row: n, account: cell(1), displayName: cell(2), mobile: cell(3), unit: cell(4), roles: cell(5), email: cell(6) };
    if (Object.values(row).some((v, i) => i > 0 && v !== '')) out.push(row);
  });
  if (out.length > LIMITS.importRows) throw new AppError(413, 'payload_too_large');
  return out;
}

export interface CheckedRow {
  row: number;
  account: string;
  displayName: string;
  unitName: string;
  roles: string[];
  email: string;
  errors: { field: string; message: string }[];
  input: UserCreateInput | null;
}

export interface ImportLookups {
  /** Unit id by name or code. */
  unitId(text: string): string | undefined;
  /** Lower-cased accounts and mobiles already taken. */
  takenAccounts: Set<string>;
  takenMobiles: Set<string>;
}

const MSG = {
  unit: { 'zh-CN': '单位不存在', 'en-US': 'unknown unit' },
  role: { 'zh-CN': '未知角色', 'en-US': 'unknown role' },
  taken: { 'zh-CN': '已存在', 'en-US': 'already exists' },
  twice: { 'zh-CN': '文件中重复', 'en-US': 'appears twice in the file' },
  conflict: { 'zh-CN': '三员分立，不能兼任', 'en-US': 'separated admin duties cannot be combined' },
} as const;

const CELLS = ['account', 'displayName', 'mobile', 'unit', 'roles', 'email'] as const;

/** Checks every row against the same schema as the API, the units, the roles and uniqueness. */
export function checkImportRows(rows: RawImportRow[], look: ImportLookups, lang: Lang): CheckedRow[] {
  const seenAccounts = new Set<string>();
  const seenMobiles = new Set<string>();
  const colon = lang === 'en-US' ? ': ' : '：';
  return rows.map((r) => {
    const errors: { field: string; message: string }[] = [];
    // A cell is text a user typed like any other: what the API refuses in a body, the import refuses here.
    for (const cell of CELLS) if (!isStorableText(r[cell] ?? '')) errors.push({ field: cell, message: unstorableMessage(lang) });
    if (errors.length) return { row: r.row, account: escapeUnstorable(r.account), displayName: escapeUnstorable(r.displayName), unitName: escapeUnstorable(r.unit), roles: [], email: escapeUnstorable(r.email), errors, input: null };
    const roleTexts = r.roles.split(/[,，、;；\s]+/).filter(Boolean);
    const roles: Role[] = [];
    for (const t of roleTexts) {
      const code = codeFromLabel(ROLE_LABELS, t);
      if (code) roles.push(code);
      else errors.push({ field: 'roles', message: `${MSG.role[lang]}${colon}${t}` });
    }
    const conflict = roleConflict(roles);
    if (conflict) errors.push({ field: 'roles', message: `${MSG.conflict[lang]}${colon}${conflict.roles.map((c) => ROLE_LABELS[c][lang]).join('、')}` });
    const unitId = look.unitId(r.unit);
    if (!unitId) errors.push({ field: 'unit', message: `${MSG.unit[lang]}${colon}${r.unit}` });
    const parsed = UserCreate.safeParse({
      account: r.account,
      displayName: r.displayName,
      mobile: r.mobile || null,
      // Checked as the user form checks it (the same schema); an empty cell is no address.
      email: r.email || null,
      unitId: unitId ?? '00000000-0000-4000-8000-000000000000',
      roles: roles.map((role) => ({ role })),
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? 'row');
        // The rule's own words (须为电子邮箱地址…), as the form's refusal says them.
        errors.push({ field, message: issueMessage(i as never, lang, (r as unknown as Record<string, unknown>)[field] || undefined, i.message) });
      }
    }
    const acc = r.account.toLowerCase();
    if (acc && look.takenAccounts.has(acc)) errors.push({ field: 'account', message: `${r.account} ${MSG.taken[lang]}` });
    else if (acc && seenAccounts.has(acc)) errors.push({ field: 'account', message: `${r.account} ${MSG.twice[lang]}` });
    if (r.mobile && look.takenMobiles.has(r.mobile)) errors.push({ field: 'mobile', message: `${r.mobile} ${MSG.taken[lang]}` });
    else if (r.mobile && seenMobiles.has(r.mobile)) errors.push({ field: 'mobile', message: `${r.mobile} ${MSG.twice[lang]}` });
    seenAccounts.add(acc);
    if (r.mobile) seenMobiles.add(r.mobile);
    return {
      row: r.row,
      account: r.account,
      displayName: r.displayName,
      unitName: r.unit,
      roles: roleTexts,
      email: r.email,
      errors,
      input: errors.length === 0 && parsed.success ? parsed.data : null,
    };
  });
}

/** The template users fill in: headers in both languages and one example row (邮箱 may stay empty). */
export async function importTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('用户导入');
  ws.addRow(IMPORT_COLUMNS.map((c) => `${c.zh} ${c.en}`));
  ws.addRow(['jianshe_liaison2', '建设街道联络员', '13800000000', '建设街道', '联络员', 'jianshe_liaison2@example.gov.cn']);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
