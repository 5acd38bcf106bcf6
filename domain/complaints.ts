import { sniffType } from './fileMagic.js';
import { RECOVERY_ALPHABET } from './recoveryCodes.js';
import type { CaseStatus } from './oversight.js';

/**
 * 营商环境投诉: a public complaint by an enterprise, filed with no login. Each one becomes an
 * oversight case; the complainant follows it by its tracking code and sees only its public status
 * and the public reply, never the case.
 */

/** Which environment it is about: 法治, 市场, 政务, 信用. */
export const COMPLAINT_ENVIRONMENTS = ['rule_of_law', 'market', 'government_service', 'credit'] as const;
export type ComplaintEnvironment = (typeof COMPLAINT_ENVIRONMENTS)[number];

/** What the complainant sees: 已受理 → 办理中 → 已答复 / 已办结. */
export const COMPLAINT_STATUSES = ['received', 'handling', 'replied', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * The public status follows the case: a public reply, once given, is what the complainant waits
 * for (replied, whatever the case's state); otherwise received while the case is, closed when it
 * is closed, handling in between (初核 and 处置 are internal).
 */
export function complaintStatus(caseStatus: CaseStatus, hasReply: boolean): ComplaintStatus {
  if (hasReply) return 'replied';
  if (caseStatus === 'received') return 'received';
  if (caseStatus === 'closed') return 'closed';
  return 'handling';
}

/**
 * Tracking codes: 12 symbols of the recovery codes' unambiguous alphabet (no 0/o, 1/l/i), about
 * 59 random bits — not guessable at the lookup's rate limit — shown in fours (abcd-efgh-jkmn).
 */
export const TRACKING_ALPHABET = RECOVERY_ALPHABET;
export const TRACKING_CODE_LENGTH = 12;

/** A code made from `pick(n)` (a uniform random integer below n; the server passes crypto's randomInt). */
export function makeTrackingCode(pick: (n: number) => number): string {
  let s = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) s += TRACKING_ALPHABET[pick(TRACKING_ALPHABET.length)];
  return s;
}

/** A code as typed — any case, with or without dashes or spaces — reduced to its symbols. */
export function normaliseTrackingCode(input: string): string {
  return input.toLowerCase().replace(/[\s\-‐‑–—_]/g, '');
}

/** Whether a normalised code could be a tracking code (12 symbols of the alphabet). */
export function isTrackingCodeShape(code: string): boolean {
  return code.length === TRACKING_CODE_LENGTH && [...code].every((c) => TRACKING_ALPHABET.includes(c));
}

/** As shown: in fours, e.g. abcd-efgh-jkmn. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** 营商环境 words for a case's title: "某企业反映政务环境问题". */
export const ENVIRONMENT_WORDS: Record<ComplaintEnvironment, string> = {
  rule_of_law: '法治环境',
  market: '市场环境',
  government_service: '政务环境',
  credit: '信用环境',
};

/** The oversight case's title for a complaint: the enterprise and the environment (≤ 200 characters). */
export function complaintCaseTitle(enterprise: string, environment: ComplaintEnvironment): string {
  return `${enterprise.slice(0, 150)}反映${ENVIRONMENT_WORDS[environment]}问题（营商环境投诉）`;
}

/** Phone (digits, +, -, spaces, parentheses; 5–20 digits) or e-mail. */
export function isContact(s: string): boolean {
  const t = s.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return true;
  if (!/^[0-9+\-() ]+$/.test(t)) return false;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

/** At most this many files a complaint (photos or PDF). */
export const COMPLAINT_MAX_FILES = 3;

/**
 * Each file at most 5 MB: a phone photo, downscaled by the form before it is sent, is a few hundred
 * KB, a scanned letter a MB or two; the limit keeps what an anonymous sender can make the server
 * hold small (3 files × 5 MB a request, counted by the throttle before a byte is read).
 */
export const COMPLAINT_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** What a complaint may carry, by the type its bytes are (never its name), and the extension each is shown with. */
export const COMPLAINT_FILE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' } as const;
export type ComplaintFileType = keyof typeof COMPLAINT_FILE_TYPES;

/** The file picker's `accept`: a hint for people, the bytes decide. */
export const COMPLAINT_FILE_ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/** The type of a complaint's file by its first bytes; undefined when it is not one a complaint may carry. */
export function complaintFileType(bytes: Uint8Array): ComplaintFileType | undefined {
  const t = sniffType(bytes);
  return t && t in COMPLAINT_FILE_TYPES ? (t as ComplaintFileType) : undefined;
}

/**
 * The name a file is kept and served under: the sender's (already cleaned of controls and bidi
 * characters), ending in the extension of what it really is, so that a JPEG sent as `报告.pdf` is
 * saved as `报告.pdf.jpg` and opens as the picture it is.
 */
export function attachmentName(name: string, type: ComplaintFileType): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const fits = ext === COMPLAINT_FILE_TYPES[type] || (type === 'image/jpeg' && ext === 'jpeg');
  return fits ? name : `${name}.${COMPLAINT_FILE_TYPES[type]}`;
}
