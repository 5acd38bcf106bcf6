import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listResponseRequests } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { useI18n } from '../../i18n/useI18n.js';

/** A unit's home card: the written responses it still owes (asked, or drafted and waiting for the head), shown only when there are some. */
export function ResponseRequestsHomeCard() {
  const { t } = useI18n();
  const asked = useQuery({ queryKey: qk.responseRequests.list({ status: 'requested', perPage: 1 }), queryFn: () => listResponseRequests({ status: 'requested', perPage: 1 }) });
  const drafted = useQuery({ queryKey: qk.responseRequests.list({ status: 'drafted', perPage: 1 }), queryFn: () => listResponseRequests({ status: 'drafted', perPage: 1 }) });
  const n = (asked.data?.page?.total ?? 0) + (drafted.data?.page?.total ?? 0);
  if (!n) return null;
  return (
    <Card size="small" title={t('request.home')} data-testid="home-requests">
      <Flex gap={16} align="center">
        <Typography.Text strong style={{ color: '#d4380d' }} data-testid="home-requests-count">
          {t('request.homeCount', { n })}
        </Typography.Text>
        <Link to="/response-requests">{t('menu.responseRequests')}</Link>
        <Link to="/promises">{t('menu.promises')}</Link>
      </Flex>
    </Card>
  );
}
