import { Card, Flex } from 'antd';
import type { ItemType } from '../../../domain/work.js';
import { useQuery } from '@tanstack/react-query';
import { listBlockers, listReports, reportExportUrl } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import type { LightReasonView } from '../../api/workTypes.js';
import { LightReasons } from '../../components/LightTag.js';
import { useI18n } from '../../i18n/useI18n.js';
import { BlockerList } from '../reports/BlockerList.js';
import { RaiseBlockerButton } from '../reports/RaiseBlockerButton.js';
import { ItemHistory } from './ItemHistory.js';
import { ItemReports } from './ItemReports.js';
import { qk } from '../../api/queryKeys.js';
import { InstructionsCard } from '../dispatch/InstructionsCard.js';
import { DownloadButton } from '../../components/DownloadButton.js';

/** What every target and project page shows beside its chart: light reasons, reports, blockers and history. */
export function ItemSide({
  itemType,
  itemId,
  ownerUnitIds,
  reasons,
  measureUnit,
}: {
  itemType: ItemType;
  itemId: string;
  ownerUnitIds: readonly string[];
  reasons: readonly LightReasonView[];
  /** A target's unit of measure, beside each reported actual. */
  measureUnit?: string;
}) {
  const { t } = useI18n();
  const reports = useQuery({ queryKey: qk.reports.ofItem(itemId), queryFn: () => listReports({ item: itemId }), retry: false });
  const blockers = useQuery({ queryKey: qk.blockers.ofItem(itemId), queryFn: () => listBlockers({ item: itemId }), retry: false });
  return (
    <Flex vertical gap={16}>
      <InstructionsCard subjectType={itemType} subjectId={itemId} />
      <Card size="small" title={t('light.reasons')}>
        <LightReasons reasons={reasons} testId="item-light-reasons" />
      </Card>
      <Card
        size="small"
        title={t('item.reports')}
        extra={
          (reports.data?.data.length ?? 0) > 0 && (
            <DownloadButton size="small" type="link" href={reportExportUrl({ itemType, item: itemId })} testId="item-reports-export">
              {t('list.export')}
            </DownloadButton>
          )
        }
      >
        <ItemReports reports={reports.data?.data ?? []} loading={reports.isLoading} measureUnit={measureUnit} />
      </Card>
      <Card
        size="small"
        title={t('item.blockers')}
        extra={<RaiseBlockerButton itemType={itemType} itemId={itemId} ownerUnitIds={ownerUnitIds} allowed={can(blockers.data?.policies, 'raise')} />}
      >
        <BlockerList blockers={blockers.data?.data ?? []} actionable={can(blockers.data?.policies, 'escalate') || can(blockers.data?.policies, 'resolve')} />
      </Card>
      <ItemHistory itemType={itemType} itemId={itemId} />
    </Flex>
  );
}
