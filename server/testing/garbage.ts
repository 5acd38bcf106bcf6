import fc from 'fast-check';
import type { z } from 'zod';
import { ARTICLE_HTML_MAX } from '../../domain/articles.js';
import { isIsoDate } from '../../domain/calendar/days.js';
import { LIMITS } from '../../domain/limits.js';
import type { ApiRequest } from './api.js';
import { multipart, xlsxFile } from './xlsx.js';

/** One bad request, before it is sent: a sheet is turned into a real .xlsx when it is materialised. */
export interface Garbage {
  label: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  sheet?: { rows: string[][]; filename: string };
}

/** How an endpoint takes its input: a JSON body (checked by `schema`), no body at all, or an uploaded file. */
export type BodyKind = { kind: 'json'; schema: z.ZodType } | { kind: 'none' } | { kind: 'multipart' } | { kind: 'evidence' };

const JSON_TYPE = { 'content-type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keys that live on every object's prototype: a classic source of "field not reported" bugs. */
const SLY_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', 'prototype', ''];
/**
 * Characters the system never stores (domain/storableText.ts): NUL, a control character, lone
 * surrogates either way round, bidi overrides and isolates. Sent as JSON's \uXXXX escapes, as an
 * attacker's client would.
 */
const UNSTORABLE = ['\u0000', '\u0007', '\u001b', '\ud800', '\udc00', '\udbff', '\u202e', '\u2066'] as const;
const unstorable = fc.constantFrom(...UNSTORABLE);
const isWellFormed = (c: string) => !/[\ud800-\udfff]/.test(c);
const named = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Spellings of a path that reach the same route: the checks must not depend on the raw URL. */
const SPELLINGS: readonly [string, (url: string) => string][] = [
  ['', (u) => u],
  [' at /%61pi/…', (u) => u.replace(/^\/api\//, '/%61pi/')],
  [' at /api/%xx…', (u) => u.replace(/^\/api\/(.)/, (_, c: string) => `/api/%${c.charCodeAt(0).toString(16)}`)],
];

/** Raw path segments that break routers and decoders. */
const SLY_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%00', 'a/b', '..', '', '%20', 'null', '0', '-1', "1'--", '%2F', '%C0%AF'];

const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const nest = (depth: number, asArray: boolean) => (asArray ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** Longer than any string limit of the API (LIMITS.text is the largest). */
const oversize = fc.tuple(fc.integer({ min: LIMITS.text + 1, max: 20_000 }), fc.constantFrom('x', '测', 'ab ', '😀')).map(([n, c]) => c.repeat(n));
/** Longer than an article's HTML may be: for the one kind of field that takes more than LIMITS.text. */
const overlong = fc.constantFrom('x', '测').map((c) => c.repeat(ARTICLE_HTML_MAX + 1));
/** Over the 1 MiB body limit. */
const HUGE_JSON = `{"x":"${'a'.repeat(1_100_000)}"}`;
const unsupportedType = fc.oneof(
  fc.constantFrom('application/xml', 'application/octet-stream', 'image/png', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'),
  fc.stringMatching(/^application\/x-[a-z]{1,12}$/),
);
const notJsonText = fc.string({ maxLength: 200 }).filter((s) => !isJson(s));

function withParam(url: string, index: number, value: string) {
  const parts = url.split('/');
  parts[index] = value;
  return parts.join('/');
}

/** A percent-encoded piece as the server reads it; one that is not valid encoding stays as it came. */
export function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Segments that are not a valid value for the parameter (a uuid, or a date for `:date`). */
function badParams(routePath: string, url: string): fc.Arbitrary<Garbage>[] {
  const keys = routePath.split('/');
  const out: fc.Arbitrary<Garbage>[] = [];
  keys.forEach((k, i) => {
    if (!k.startsWith(':')) return;
    const valid = k === ':date' ? isIsoDate : (s: string) => UUID.test(s);
    const segment = fc.oneof(fc.constantFrom(...SLY_SEGMENTS), fc.string({ maxLength: 60 }).map(encodeURIComponent)).filter((s) => !valid(decoded(s)));
    out.push(segment.map((s) => ({ label: `bad ${k}: ${s}`, url: withParam(url, i, s) })));
    // Well-formed but naming nothing: must be a 404, never a write.
    if (k !== ':date') out.push(fc.uuid().map((u) => ({ label: `unknown ${k}`, url: withParam(url, i, u) })));
  });
  return out;
}

/** Bad JSON bodies built around the valid one: each is invalid whatever the endpoint. */
function badJson(url: string, valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<Garbage>[] {
  const fields = Object.keys(valid);
  const strings = fields.filter((k) => typeof valid[k] === 'string');
  const json = (label: string, body: unknown): Garbage => ({ label, url, headers: JSON_TYPE, payload: typeof body === 'string' ? body : JSON.stringify(body) });
  const out: fc.Arbitrary<Garbage>[] = [
    fc.jsonValue().filter((v) => !schema.safeParse(v).success).map((v) => json('random JSON', v)),
    fc
      .tuple(fc.oneof(fc.constantFrom(...SLY_KEYS), fc.string({ maxLength: 30 })), fc.jsonValue({ maxDepth: 2 }))
      .filter(([k]) => !fields.includes(k))
      .map(([k, v]) => json(`unknown field ${JSON.stringify(k)}`, JSON.stringify({ ...valid }).replace(/^\{/, `{${JSON.stringify(k)}:${JSON.stringify(v)},`))),
    fc
      .tuple(fc.integer({ min: 2, max: 60_000 }), fc.boolean(), fc.constantFrom(null, ...fields))
      .map(([d, arr, k]) =>
        json(`nested ${d} deep in ${k ?? 'the body'}`, k ? JSON.stringify({ ...valid, [k]: '\u0001deep' }).replace('"\\u0001deep"', nest(d, arr)) : nest(d, arr)),
      ),
    fc
      .tuple(fc.oneof(fc.constantFrom(...SLY_KEYS), fc.string({ maxLength: 20 })), fc.nat(20), unstorable)
      .map(([k, at, c]) => json(`${named(c)} in a key`, { ...valid, [`${k.slice(0, at)}${c}${k.slice(at)}`]: 'x' })),
  ];
  if (fields.length) {
    out.push(
      fc
        .tuple(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 }))
        .filter(([k, v]) => jsonType(v) !== jsonType(valid[k]))
        .map(([k, v]) => json(`wrong type for ${k}`, { ...valid, [k]: v })),
    );
  }
  if (strings.length) {
    // A field that takes more than LIMITS.text (an article's HTML) is tried past its own limit.
    const long = (k: string) => schema.safeParse({ ...valid, [k]: 'x'.repeat(LIMITS.text + 1) }).success;
    out.push(fc.constantFrom(...strings).chain((k) => (long(k) ? overlong : oversize).map((v) => json(`oversize ${k} (${v.length})`, { ...valid, [k]: v }))));
    out.push(
      fc.tuple(fc.constantFrom(...strings), fc.nat(40), unstorable).map(([k, at, c]) => {
        const s = String(valid[k]);
        return json(`${named(c)} in ${k}`, { ...valid, [k]: `${s.slice(0, at)}${c}${s.slice(at)}` });
      }),
    );
  }
  if ('version' in valid) {
    const v = fc.constantFrom(-1, 0.5, 2 ** 31, 2 ** 53 - 1, 2 ** 53, 1e300, -0.0001);
    out.push(v.map((n) => json(`version ${n}`, { ...valid, version: n })));
  }
  return out;
}

/** Uploads that are not a usable user sheet (for the import endpoints). */
function badUploads(url: string): fc.Arbitrary<Garbage>[] {
  const cell = fc.string({ maxLength: 50 });
  return [
    fc.jsonValue().map((v) => ({ label: 'JSON instead of a file', url, headers: JSON_TYPE, payload: JSON.stringify(v) })),
    fc.tuple(fc.constantFrom('', '; boundary=', '; boundary=zz'), fc.string({ maxLength: 300 })).map(([b, p]) => ({
      label: `broken multipart${b}`,
      url,
      headers: { 'content-type': `multipart/form-data${b}` },
      payload: p,
    })),
    fc.tuple(fc.uint8Array({ maxLength: 2000 }), fc.boolean()).map(([bytes, zipMagic]) => ({
      label: 'bytes that are not a workbook',
      url,
      ...multipart(Buffer.concat([Buffer.from(zipMagic ? 'PK\u0003\u0004' : ''), Buffer.from(bytes)]), 'users.xlsx'),
    })),
    fc.constantFrom('users.csv', 'users.xls', 'users', 'users.xlsx.exe', '.xlsx.txt').map((filename) => ({
      label: `a workbook named ${filename}`,
      url,
      sheet: { rows: [['a_valid_account', '联络员', '', '建设街道', '联络员']], filename },
    })),
    fc
      .array(fc.tuple(cell, cell, cell, cell, cell), { minLength: 1, maxLength: 8 })
      .map((rows) => ({ label: 'rows of garbage', url, sheet: { rows: rows.map(([a, b, c, d, e]) => [a, b, c, `无此单位${d}`, e]), filename: 'users.xlsx' } })),
  ];
}

/** PNG, JPEG, PDF, ZIP and OLE2 signatures: bytes starting with none of them match no accepted type. */
const MAGIC = [[0x89, 0x50], [0xff, 0xd8], [0x25, 0x50], [0x50, 0x4b], [0xd0, 0xcf], [0x52, 0x49]];
const noMagic = fc.uint8Array({ maxLength: 2000 }).filter((b) => !MAGIC.some(([x, y]) => b[0] === x && b[1] === y));

/** Uploads that are not an acceptable evidence file: wrong field, unknown type, bytes that lie about their type. */
function badEvidence(url: string): fc.Arbitrary<Garbage>[] {
  const [json, broken] = badUploads(url);
  return [
    json!,
    broken!,
    fc.tuple(noMagic, fc.constantFrom('photo.png', 'scan.jpg', 'x.jpeg', 'a.webp', 'report.pdf', 'plan.docx', 'sheet.xlsx', 'deck.pptx', 'old.doc', 'old.xls')).map(([bytes, name]) => ({
      label: `bytes that are not a ${name}`,
      url,
      ...multipart(Buffer.from(bytes), name, 'application/octet-stream'),
    })),
    fc.tuple(fc.uint8Array({ maxLength: 500 }), fc.constantFrom('run.exe', 'page.html', 'logo.svg', 'noextension', 'photo.png.exe', 'script.js', '.png.txt')).map(([bytes, name]) => ({
      label: `a file named ${name}`,
      url,
      ...multipart(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(bytes)]), name, 'image/png'),
    })),
    fc.constantFrom('upload', 'files', 'photo', '').map((field) => ({
      label: `file in field "${field}"`,
      url,
      ...multipart(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'photo.png', 'image/png', field),
    })),
  ];
}

/** Every kind of garbage that applies to one endpoint, given a valid call to it. */
export function garbageFor(routePath: string, valid: ApiRequest, body: BodyKind): fc.Arbitrary<Garbage> {
  const url = valid.url;
  const arbs: fc.Arbitrary<Garbage>[] = badParams(routePath, url);
  // Params go bad one at a time: the body stays valid so that only the id can be the reason.
  const keepBody = (g: Garbage): Garbage => (g.headers || g.payload ? g : { ...g, headers: valid.headers, payload: valid.payload as string });
  for (let i = 0; i < arbs.length; i++) arbs[i] = arbs[i]!.map(keepBody);
  if (body.kind === 'multipart') arbs.push(...badUploads(url));
  else if (body.kind === 'evidence') arbs.push(...badEvidence(url));
  else {
    arbs.push(notJsonText.map((p) => ({ label: 'not JSON', url, headers: JSON_TYPE, payload: p })));
    arbs.push(fc.tuple(unsupportedType, fc.string({ maxLength: 100 })).map(([t, p]) => ({ label: `content type ${t}`, url, headers: { 'content-type': t }, payload: p })));
    arbs.push(
      fc.tuple(fc.string({ maxLength: 20 }), fc.boolean(), unstorable).map(([s, inKey, c]) => ({
        label: `${named(c)} in a ${inKey ? 'key' : 'string'}`,
        url,
        headers: JSON_TYPE,
        payload: JSON.stringify(inKey ? { [`${s}${c}`]: 'x' } : { note: `${s}${c}` }),
      })),
    );
    // In the query string too (a URL cannot carry a lone surrogate: UTF-8 has no bytes for one).
    arbs.push(
      unstorable
        .filter((c) => isWellFormed(c))
        .map((c) => ({ label: `${named(c)} in the query`, url: `${url}?q=${encodeURIComponent(`x${c}`)}`, headers: valid.headers, payload: valid.payload as string })),
    );
    arbs.push(fc.constant({ label: 'over the body limit', url, headers: JSON_TYPE, payload: HUGE_JSON }));
    if (body.kind === 'json') arbs.push(...badJson(url, valid.payload as Record<string, unknown>, body.schema));
  }
  // Each sent at the URL as written or as another spelling of it.
  return fc.tuple(fc.oneof(...arbs), fc.constantFrom(...SPELLINGS)).map(([g, [how, spell]]) => ({ ...g, label: g.label + how, url: spell(g.url) }));
}

/** Turns a garbage recipe into the request to send. */
export async function materialise(g: Garbage, method: ApiRequest['method']): Promise<ApiRequest> {
  if (g.sheet) return { method, url: g.url, ...multipart(await xlsxFile(g.sheet.rows), g.sheet.filename) };
  return { method, url: g.url, ...(g.headers ? { headers: g.headers } : {}), ...(g.payload !== undefined ? { payload: g.payload } : {}) };
}
