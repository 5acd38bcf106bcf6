import { useLayoutEffect } from 'react';
import { Button, Result } from 'antd';
import { dropSnapshot } from '../offline/dropSnapshot.js';
import { useI18n } from '../i18n/useI18n.js';

/** A failed load: the server's message and a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  // The kept first screen, if the service worker drew one, must not hide the failure.
  useLayoutEffect(dropSnapshot, []);
  return (
    <Result
      status="warning"
      title={t('error.title')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('error.retry')}</Button> : undefined}
    />
  );
}
