import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { unreportedUnits } from '../../api/dispatch.js';
import { qk } from '../../api/queryKeys.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DispatchFormModal } from './DispatchFormModal.js';

/**
 * The standing order 本期未报送: the units with items due this period and no report yet, and a
 * button that drafts an order to exactly them (the office may still edit it before sending).
 */
export function UnreportedCard({ canCreate }: { canCreate: boolean }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.dispatches.unreported, queryFn: unreportedUnits });
  const [drafting, setDrafting] = useState(false);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data?.data;
  const units = data?.units ?? [];
  return (
    <Card
      size="small"
      loading={q.isLoading}
      title={t('dispatch.unreported')}
      data-testid="dispatch-unreported"
      extra={
        canCreate &&
        units.length > 0 && (
          <Button size="small" type="primary" onClick={() => setDrafting(true)} data-testid="dispatch-unreported-create">
            {t('dispatch.unreportedDispatch')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('dispatch.unreportedHelp')}</Typography.Paragraph>
      {units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.unreportedEmpty')} />
      ) : (
        <Flex wrap gap={6}>
          {units.map((u) => (
            <Tag key={u.unitId} color="warning">
              {u.unitName} · {t('dispatch.unreportedItems', { n: u.toReport })}
            </Tag>
          ))}
        </Flex>
      )}
      {drafting && data && (
        <DispatchFormModal
          preset={{ kind: 'action', title: t('dispatch.unreportedTitle'), content: t('dispatch.unreportedContent'), unitIds: units.map((u) => u.unitId), deadline: dayjs(data.defaultDeadline) }}
          onClose={() => setDrafting(false)}
        />
      )}
    </Card>
  );
}
