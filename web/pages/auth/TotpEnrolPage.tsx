import { useState } from 'react';
import { Alert, Flex, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SessionStage } from '../../api/types.js';
import { useStageNavigate } from '../../auth/useStageNavigate.js';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.js';
import { enrolTotp, setupTotp } from '../../api/auth.js';
import { SessionGate } from '../../auth/SessionGate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { AuthShell } from './AuthShell.js';
import { BackToLogin } from './BackToLogin.js';
import { TotpCodeForm } from './TotpCodeForm.js';
import { qk } from '../../api/queryKeys.js';

/** Fetches a new secret once per visit (the query dedupes React's double mount in development). */
function EnrolBody({ onEnrolled }: { onEnrolled: (stage: SessionStage, codes: string[]) => void }) {
  const { t } = useI18n();
  const setup = useQuery({ queryKey: qk.totpSetup, queryFn: setupTotp, staleTime: Infinity, refetchOnMount: false, retry: false });
  if (setup.isPending) return <Skeleton.Node active style={{ width: 200, height: 200 }} />;
  if (setup.isError) return <Alert type="error" showIcon title={setup.error.message} />;
  return (
    <>
      <Typography.Paragraph>{t('totp.enrolStep1')}</Typography.Paragraph>
      <Flex justify="center" style={{ marginBottom: 12 }}>
        <img data-testid="totp-qr" src={setup.data.qrDataUrl} alt={t('totp.qrAlt')} width={200} height={200} style={{ border: '1px solid #eee', borderRadius: 8 }} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('totp.secretLabel')}
      </Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: setup.data.secret }} style={{ wordBreak: 'break-all' }}>
        <Typography.Text code data-testid="totp-secret">
          {setup.data.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>{t('totp.enrolStep2')}</Typography.Paragraph>
      <TotpCodeForm
        submit={async (code) => {
          const r = await enrolTotp(code);
          onEnrolled(r.stage, r.recoveryCodes);
          return null;
        }}
        submitLabel="totp.enrol"
      />
    </>
  );
}

/** /login/enrol: an admin sets up the compulsory second factor (QR code, secret, first code). */
export function TotpEnrolPage() {
  const { t } = useI18n();
  const goToStage = useStageNavigate();
  const [done, setDone] = useState<{ stage: SessionStage; codes: string[]; account: string } | null>(null);
  // Enrolled: the ten recovery codes are shown once, before the user goes on — outside the gate, which
  // would otherwise move the now-verified session on as soon as it next reads the stage.
  if (done) {
    return (
      <AuthShell title={t('totp.recoveryTitle')}>
        <RecoveryCodesPanel codes={done.codes} account={done.account} onDone={() => void goToStage(done.stage)} />
      </AuthShell>
    );
  }
  return (
    <SessionGate stage="totp_enrol">
      {(me) => (
        <AuthShell title={t('totp.enrolTitle')}>
          <EnrolBody onEnrolled={(stage, codes) => setDone({ stage, codes, account: me.account })} />
          <BackToLogin />
        </AuthShell>
      )}
    </SessionGate>
  );
}
