import type { Message } from './message.js';

/** The `Idempotency-Key` header's refusals (server/idempotency/). Merged into server/i18n.ts. */
export const IDEMPOTENCY_MESSAGES = {
  idempotency_key_invalid: {
    'zh-CN': '请求头 Idempotency-Key 无效：须为 8 至 128 个英文字母、数字、“-”或“_”（如 UUID）',
    'en-US': 'The Idempotency-Key header is invalid: 8 to 128 letters, digits, “-” or “_” (a UUID, say)',
  },
  idempotency_key_reused: {
    'zh-CN': '请求头 Idempotency-Key 冲突：该键已用于另一个内容不同的请求；重发须与原请求完全相同，新的请求请使用新的键',
    'en-US': 'Idempotency-Key conflict: this key was used for a request with other content; a repeat must be the same request, a new request needs a new key',
  },
} as const satisfies Record<string, Message>;
