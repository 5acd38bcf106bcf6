import { Tag } from 'antd';
import type { PromiseState, RequestStatus } from '../../../domain/promises.js';
import { useI18n } from '../../i18n/useI18n.js';

const PROMISE_COLOURS: Record<PromiseState, string> = { pending: 'blue', overdue: 'red', kept: 'green', broken: 'red' };
const REQUEST_COLOURS: Record<RequestStatus, string> = { requested: 'orange', drafted: 'blue', answered: 'green' };

/** A promise's shown state: overdue and broken red, kept green. */
export function PromiseStateTag({ state }: { state: PromiseState }) {
  const { t } = useI18n();
  return (
    <Tag color={PROMISE_COLOURS[state]} data-testid="promise-state" data-state={state}>
      {t(`promise.state.${state}`)}
    </Tag>
  );
}

/** A written response's status, and 已逾期 beside it while late. */
export function RequestStatusTag({ status, overdue }: { status: RequestStatus; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <span>
      <Tag color={REQUEST_COLOURS[status]} data-testid="request-status" data-status={status}>
        {t(`request.status.${status}`)}
      </Tag>
      {overdue && <Tag color="red">{t('request.overdue')}</Tag>}
    </span>
  );
}
