import { admin } from './admin.js';
import { assessments } from './assessments.js';
import { auth } from './auth.js';
import { bulletins } from './bulletins.js';
import { calendar } from './calendar.js';
import { common } from './common.js';
import { complaints } from './complaints.js';
import { dashboard } from './dashboard.js';
import { dispatch } from './dispatch.js';
import { feed } from './feed.js';
import { fieldVisits } from './fieldVisits.js';
import { imports } from './imports.js';
import { inbox } from './inbox.js';
import { layout } from './layout.js';
import { ledger } from './ledger.js';
import { meetings } from './meetings.js';
import { offline } from './offline.js';
import { org } from './org.js';
import { oversight } from './oversight.js';
import { promises } from './promises.js';
import { publicity } from './publicity.js';
import { reports } from './reports.js';
import { users } from './users.js';
import { work } from './work.js';

/** Every UI string, as [中文, English]; one file per area keeps both languages side by side. */
export const messages = { ...common, ...auth, ...layout, ...org, ...users, ...admin, ...calendar, ...work, ...reports, ...dashboard, ...dispatch, ...meetings, ...fieldVisits, ...ledger, ...bulletins, ...oversight, ...complaints, ...promises, ...imports, ...feed, ...inbox, ...publicity, ...assessments, ...offline } satisfies Record<string, readonly [string, string]>;
export type MessageKey = keyof typeof messages;
