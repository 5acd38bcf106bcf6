import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.js';

/** Shows a one-time initial password (after creating a user or resetting one); it is never shown again. */
export function InitialPasswordModal({ account, password, onClose }: { account: string; password: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open title={t('user.initialPasswordTitle')} onCancel={onClose} onOk={onClose} okText={t('common.close')} cancelButtonProps={{ style: { display: 'none' } }} data-testid="initial-password-modal">
      <Alert type="warning" showIcon title={t('user.initialPasswordHint', { account })} style={{ marginBottom: 16 }} />
      <Typography.Paragraph style={{ textAlign: 'center', fontSize: 16 }}>
        {account}
      </Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: password }} style={{ textAlign: 'center', fontSize: 22 }}>
        <Typography.Text code data-testid="initial-password" style={{ fontSize: 22 }}>
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
