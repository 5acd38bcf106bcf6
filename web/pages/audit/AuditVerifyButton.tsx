import { Alert, Button, Flex } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { verifyAudit } from '../../api/admin.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 校验日志链: re-computes the hash chain on the server and says whether it is intact, or where it breaks. */
export function AuditVerifyButton() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: verifyAudit });
  const r = verify.data;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <div>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </div>
      {verify.isError && <Alert type="error" showIcon title={verify.error.message} />}
      {r &&
        (r.intact ? (
          <Alert
            type="success"
            showIcon
            title={t('audit.intact', { checked: r.checked })}
            description={r.checkpointsMatched === undefined ? t('audit.noCheckpoints') : t('audit.checkpoints', { n: r.checkpointsMatched })}
            data-testid="audit-verify-result"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            data-testid="audit-verify-result"
            title={t('audit.broken', { id: r.firstBrokenId ?? '?' })}
            description={
              r.reason === 'checkpoint' || r.reason === 'checkpoint_forged'
                ? t(r.reason === 'checkpoint' ? 'audit.reasonCheckpoint' : 'audit.reasonForged')
                : t('audit.brokenReason', { reason: r.reason ?? '—', checked: r.checked })
            }
          />
        ))}
    </Flex>
  );
}
