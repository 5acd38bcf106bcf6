import type { Lang } from '../domain/enums.js';
import { ruleText } from '../domain/schemas/ruleMessages.js';

interface Issue {
  code?: string;
  expected?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
  path?: PropertyKey[];
}

const T = {
  required: { 'zh-CN': '必填', 'en-US': 'is required' },
  type: { 'zh-CN': '类型应为{x}', 'en-US': 'must be of type {x}' },
  tooBigString: { 'zh-CN': '不能超过{x}个字符', 'en-US': 'must be at most {x} characters' },
  tooSmallString: { 'zh-CN': '至少{x}个字符', 'en-US': 'must be at least {x} characters' },
  tooBig: { 'zh-CN': '不能大于{x}', 'en-US': 'must be at most {x}' },
  tooSmall: { 'zh-CN': '不能小于{x}', 'en-US': 'must be at least {x}' },
  tooManyItems: { 'zh-CN': '最多{x}项', 'en-US': 'must have at most {x} items' },
  tooFewItems: { 'zh-CN': '至少{x}项', 'en-US': 'must have at least {x} items' },
  format: { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' },
  value: { 'zh-CN': '取值无效，可选：{x}', 'en-US': 'is not one of: {x}' },
  unknown: { 'zh-CN': '不允许的字段', 'en-US': 'is not an allowed field' },
  invalid: { 'zh-CN': '无效', 'en-US': 'is invalid' },
  unstorable: { 'zh-CN': '不能包含控制字符、无效字符或文字方向控制符', 'en-US': 'must not contain control characters, invalid characters or text-direction controls' },
} as const;

const say = (k: keyof typeof T, lang: Lang, x = '') => T[k][lang].replace('{x}', x);

/** A user-facing message for one zod issue, in the request's language. */
export function issueMessage(issue: Issue, lang: Lang, received: unknown, zodMessage?: string): string {
  if (received === undefined && issue.code === 'invalid_type') return say('required', lang);
  // A schema that names its rule (domain/schemas/ruleMessages.ts) says what is allowed.
  const ruled = ruleText(zodMessage, lang);
  if (ruled) return ruled;
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined ? say('required', lang) : say('type', lang, issue.expected ?? '');
    case 'too_big':
      if (issue.origin === 'string') return say('tooBigString', lang, String(issue.maximum));
      if (issue.origin === 'array') return say('tooManyItems', lang, String(issue.maximum));
      return say('tooBig', lang, String(issue.maximum));
    case 'too_small':
      if (issue.origin === 'string') return say('tooSmallString', lang, String(issue.minimum));
      if (issue.origin === 'array') return say('tooFewItems', lang, String(issue.minimum));
      return say('tooSmall', lang, String(issue.minimum));
    case 'invalid_format':
    case 'invalid_string':
      return say('format', lang);
    case 'invalid_value':
      return say('value', lang, (issue.values ?? []).map(String).join(', '));
    case 'unrecognized_keys':
      return say('unknown', lang);
    default:
      return say('invalid', lang);
  }
}

/** For text the system does not store (domain/storableText.ts): NUL, controls, lone surrogates, bidi controls. */
export const unstorableMessage = (lang: Lang) => say('unstorable', lang);
