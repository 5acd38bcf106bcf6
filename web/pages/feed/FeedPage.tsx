import { useState } from 'react';
import { Badge, Button, Flex, Select } from 'antd';
import { FEED_KINDS } from '../../../domain/feed.js';
import type { FeedFilter } from '../../api/feed.js';
import { LoadError } from '../../components/LoadError.js';
import { filterStyle, PageCard } from '../../components/PageCard.js';
import { useI18n } from '../../i18n/useI18n.js';
import { useAreaOptions } from '../items/ItemFilters.js';
import { useItemChoices } from '../items/useItemChoices.js';
import { FeedList } from './FeedList.js';
import { useFeed, type FeedConnection } from './useFeed.js';

const STATUS: Record<FeedConnection, { status: 'success' | 'processing' | 'warning'; text: 'feed.live' | 'feed.connecting' | 'feed.retrying' }> = {
  live: { status: 'success', text: 'feed.live' },
  connecting: { status: 'processing', text: 'feed.connecting' },
  retrying: { status: 'warning', text: 'feed.retrying' },
};

/** 工作动态: every step of the program the user may read, newest first, arriving as it happens. */
export function FeedPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<FeedFilter>({});
  const { pages, events, connection } = useFeed(filter);
  const { units } = useItemChoices();
  const areas = useAreaOptions();
  const set = (p: Partial<FeedFilter>) => setFilter((f) => ({ ...f, ...p }));
  return (
    <PageCard title={t('feed.title')} testId="feed-page" extra={<Badge status={STATUS[connection].status} text={t(STATUS[connection].text)} data-testid="feed-connection" data-state={connection} />}>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('feed.filter.kind')}
          value={filter.kind}
          onChange={(kind) => set({ kind })}
          options={FEED_KINDS.map((k) => ({ value: k, label: t(`feed.kind.${k}`) }))}
          style={filterStyle(160)}
          data-testid="feed-filter-kind"
        />
        <Select allowClear placeholder={t('filter.area')} value={filter.area} onChange={(area?: string) => set({ area })} options={areas} style={filterStyle(160)} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('filter.unit')} value={filter.unit} onChange={(unit?: string) => set({ unit })} options={units} style={filterStyle(180)} />
      </Flex>
      {pages.isError ? (
        <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <FeedList events={events} loading={pages.isLoading} />
          {pages.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 8 }}>
              <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                {t('feed.more')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </PageCard>
  );
}
