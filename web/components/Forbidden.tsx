import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/useI18n.js';

/** A page the user's roles do not open. */
export function Forbidden() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={t('error.forbiddenPage')} extra={<Button onClick={() => navigate('/')}>{t('error.backHome')}</Button>} />;
}
