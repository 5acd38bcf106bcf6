import { admin } from './admin.js';
import { auth } from './auth.js';
import { calendar } from './calendar.js';
import { common } from './common.js';
import { layout } from './layout.js';
import { org } from './org.js';
import { users } from './users.js';

/** Every UI string, as [中文, English]; one file per area keeps both languages side by side. */
export const messages = { ...common, ...auth, ...layout, ...org, ...users, ...admin, ...calendar } satisfies Record<string, readonly [string, string]>;
export type MessageKey = keyof typeof messages;
