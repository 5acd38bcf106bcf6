import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../domain/enums.js';
import { listLedger, type LedgerFilter } from '../../api/ledger.js';
import { qk } from '../../api/queryKeys.js';
import type { MessageKey } from '../../i18n/translate.js';

export interface LedgerCount {
  key: string;
  label: MessageKey;
  value: number | undefined;
  path: string;
  alarm?: boolean;
}

/** A count is the list's total: one row asked for, the page's `total` read. */
const useTotal = (filter: LedgerFilter, enabled: boolean) => {
  const f = { ...filter, perPage: 1 };
  return useQuery({ queryKey: qk.ledger.list(f), queryFn: () => listLedger(f), enabled }).data?.page?.total;
};

/**
 * The 督查台账 on the first page: an inspector's rectifications waiting to be verified and the
 * entries late, a unit's findings still to rectify and those late; each count opens its filtered list.
 */
export function useLedgerTodo(roles: readonly Role[]): LedgerCount[] {
  const inspector = roles.includes('inspector');
  const unit = roles.includes('liaison') || roles.includes('unit_head');
  const toVerify = useTotal({ status: 'submitted' }, inspector);
  const late = useTotal({ overdue: 'true' }, inspector || unit);
  const open = useTotal({ status: 'open' }, unit);
  const rectifying = useTotal({ status: 'rectifying' }, unit);
  const out: LedgerCount[] = [];
  if (inspector) {
    out.push(
      { key: 'ledgerToVerify', label: 'ledger.todo.toVerify', value: toVerify, path: '/ledger?status=submitted' },
      { key: 'ledgerOverdue', label: 'ledger.todo.overdue', value: late, path: '/ledger?overdue=true', alarm: true },
    );
  } else if (unit) {
    out.push(
      { key: 'ledgerToRectify', label: 'ledger.todo.toRectify', value: open === undefined || rectifying === undefined ? undefined : open + rectifying, path: '/work/rectifications' },
      { key: 'ledgerOverdue', label: 'ledger.todo.overdue', value: late, path: '/work/rectifications?overdue=true', alarm: true },
    );
  }
  return out;
}
