import { useSyncExternalStore } from 'react';
import { Alert } from 'antd';
import { formatClock } from '../format.js';
import { useI18n } from '../i18n/useI18n.js';
import { keptSince, onKeptChange } from './keptAnswers.js';

/** "离线，显示的是 HH:mm 的数据": shown while the page shows answers the service worker kept (no network). */
export function OfflineBanner() {
  const { t } = useI18n();
  const since = useSyncExternalStore(onKeptChange, keptSince);
  if (!since) return null;
  return <Alert type="warning" banner showIcon title={t('offline.banner', { time: formatClock(since) })} data-testid="offline-banner" />;
}
