import { Typography } from 'antd';
import { verifyTotp } from '../../api/auth.js';
import { SessionGate } from '../../auth/SessionGate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from './AuthShell.js';
import { BackToLogin } from './BackToLogin.js';
import { TotpCodeForm } from './TotpCodeForm.js';

/** /login/verify: the second factor of a user who has one. */
export function TotpVerifyPage() {
  const { t } = useI18n();
  return (
    <SessionGate stage="totp_verify">
      {() => (
        <AuthShell title={t('totp.verifyTitle')}>
          <Typography.Paragraph type="secondary">{t('totp.verifyHint')}</Typography.Paragraph>
          <TotpCodeForm submit={verifyTotp} submitLabel="totp.verify" />
          <BackToLogin />
        </AuthShell>
      )}
    </SessionGate>
  );
}
