import { useState } from 'react';
import { Button, Card, Empty, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ItemType } from '../../../domain/work.js';
import { getItemHistory } from '../../api/planning.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { qk } from '../../api/queryKeys.js';

const SHOWN = 8;
/** Returns and claims sent back stand out; acceptances are good news. */
const COLOR: Record<string, string> = { claim_returned: 'red', report_returned: 'red', report_accepted: 'green', claim_approved: 'green' };

/** 变更记录: what happened to the item, newest first, who did it and when. */
export function ItemHistory({ itemType, itemId }: { itemType: ItemType; itemId: string }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const history = useQuery({ queryKey: qk.history.of(itemType, itemId), queryFn: () => getItemHistory(itemType, itemId) });
  const lines = history.data?.data ?? [];
  const shown = all ? lines : lines.slice(0, SHOWN);
  return (
    <Card size="small" title={t('item.history')} loading={history.isLoading} data-testid="item-history">
      {lines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('item.noHistory')} />
      ) : (
        <>
          <Timeline
            style={{ marginTop: 8 }}
            items={shown.map((l, i) => ({
              key: `${l.at}-${i}`,
              color: COLOR[l.kind] ?? 'blue',
              children: (
                <div data-testid="item-history-line">
                  <div>{l.text}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[l.actorName, formatDateTime(l.at)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
          {lines.length > SHOWN && (
            <Button type="link" size="small" onClick={() => setAll(!all)} style={{ paddingInline: 0 }}>
              {all ? t('item.historyFewer') : t('item.historyAll', { n: lines.length })}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
