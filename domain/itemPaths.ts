import type { NoticeSubject } from './notices.js';
import type { DigestItem } from './reminders/digest.js';
import type { ItemType } from './work.js';

// The web app's addresses, in domain/ because the e-mailed digests link to the same pages as the inbox.

/** The page of a task, target or project. */
export const itemPath = (type: ItemType, id: string): string => `/${type}s/${id}`;

/** The form for a new report on an item and period. */
export const newReportPath = (type: ItemType, id: string, period?: string): string =>
  `/reports/new?${new URLSearchParams({ itemType: type, itemId: id, ...(period ? { period } : {}) }).toString()}`;

/** Where a digest line opens: the report form for a report still owed, else the item's page. */
export const digestLinePath = (i: Pick<DigestItem, 'kind' | 'itemType' | 'itemId' | 'period'>): string =>
  i.kind === 'report' ? newReportPath(i.itemType, i.itemId, i.period ?? undefined) : itemPath(i.itemType, i.itemId);

/** Where a 督查 notice's subject is shown: its ledger entry, or its item. */
export const noticeSubjectPath = (n: { subjectType: NoticeSubject; subjectId: string }): string => (n.subjectType === 'ledger' ? `/ledger/${n.subjectId}` : itemPath(n.subjectType, n.subjectId));
