import { Card } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/useI18n.js';
import { FeedList } from './FeedList.js';
import { useFeed } from './useFeed.js';

/** The newest steps of the program on the leader's and the HQ office's first page, live; the feed page has the rest. */
export function FeedCard() {
  const { t } = useI18n();
  const { pages, events } = useFeed({}, 8);
  return (
    <Card size="small" title={t('feed.title')} extra={<Link to="/feed">{t('feed.all')}</Link>} data-testid="feed-card">
      <FeedList events={events.slice(0, 8)} loading={pages.isLoading} compact />
    </Card>
  );
}
