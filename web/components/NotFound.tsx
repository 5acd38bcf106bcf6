import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/useI18n.js';

/** Any path the app does not know. */
export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('error.notFoundPage')} extra={<Button onClick={() => navigate('/')}>{t('error.backHome')}</Button>} />;
}
