import { Card, Flex, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { promiseSummary } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 红绿: overdue or broken promises red, kept ones green, pending ones blue. */
export function PromiseSummaryTags() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.promises.summary(), queryFn: () => promiseSummary() });
  const s = q.data?.data;
  if (!s) return null;
  return (
    <Flex gap={8} wrap data-testid="promise-summary">
      <Tag color="red" data-testid="promise-red">
        {t('promise.red', { n: s.overdue + s.broken })}
      </Tag>
      <Tag color="green" data-testid="promise-green">
        {t('promise.green', { n: s.kept })}
      </Tag>
      <Tag color="blue">{t('promise.open', { n: s.pending })}</Tag>
    </Flex>
  );
}

/** The leader's and the office's home card: the ledger's red/green counts, opening the ledger. */
export function PromiseSummaryCard() {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('promise.summary')} extra={<Link to="/promises">{t('menu.promises')}</Link>} data-testid="home-promises">
      <PromiseSummaryTags />
    </Card>
  );
}
