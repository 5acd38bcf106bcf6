import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { logout } from '../../api/auth.js';
import { useI18n } from '../../i18n/useI18n.js';

/** Leaves a half-finished login: ends the session and returns to /login. */
export function BackToLogin() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      block
      data-testid="stage-back"
      onClick={() => {
        void logout()
          .catch(() => undefined)
          .then(() => navigate('/login', { replace: true }));
      }}
    >
      {t('stage.back')}
    </Button>
  );
}
