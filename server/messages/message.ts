import type { Lang } from '../../domain/enums.js';

/** One message or word in each of the UI's languages; every table under server/messages and server/i18n.ts uses it. */
export type Message = Record<Lang, string>;
