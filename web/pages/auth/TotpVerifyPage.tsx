import { useState } from 'react';
import { Button, Typography, message } from 'antd';
import { recoverWithCode, verifyTotp } from '../../api/auth.js';
import { SessionGate } from '../../auth/SessionGate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from './AuthShell.js';
import { BackToLogin } from './BackToLogin.js';
import { TotpCodeForm } from './TotpCodeForm.js';

/** /login/verify: the second factor of a user who has one. */
export function TotpVerifyPage() {
  const { t } = useI18n();
  const [recovery, setRecovery] = useState(false);
  return (
    <SessionGate stage="totp_verify">
      {() => (
        <AuthShell title={t('totp.verifyTitle')}>
          <Typography.Paragraph type="secondary">{t(recovery ? 'totp.recoveryHint' : 'totp.verifyHint')}</Typography.Paragraph>
          {recovery ? (
            <TotpCodeForm
              key="recovery"
              recovery
              submit={async (code) => {
                const r = await recoverWithCode(code);
                // The sign-in pages sit outside the app's <App> context: the static message outlives the page change.
                void message.warning({ content: t('totp.recoveryLeft', { n: r.remaining }), duration: 10 });
                return r.stage;
              }}
              submitLabel="totp.verify"
            />
          ) : (
            <TotpCodeForm key="app" submit={verifyTotp} submitLabel="totp.verify" />
          )}
          <Button type="link" block onClick={() => setRecovery(!recovery)} data-testid="use-recovery">
            {t(recovery ? 'totp.useApp' : 'totp.useRecovery')}
          </Button>
          <BackToLogin />
        </AuthShell>
      )}
    </SessionGate>
  );
}
