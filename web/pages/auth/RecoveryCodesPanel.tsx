import { Alert, Button, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/useI18n.js';

/**
 * Ten single-use recovery codes, shown once: to copy or download and keep apart from the phone.
 * Each opens the account once when the phone is lost.
 */
export function RecoveryCodesPanel({ codes, account, onDone }: { codes: readonly string[]; account: string; onDone: () => void }) {
  const { t } = useI18n();
  const text = `${t('totp.recoveryFileTitle', { account })}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `tuijin-recovery-codes-${account}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Flex vertical gap={12} data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t('totp.recoveryTitle')} description={t('totp.recoveryExplain')} />
      <Typography.Paragraph copyable={{ text }} style={{ margin: 0 }}>
        <Flex wrap gap={8} style={{ fontFamily: 'monospace', fontSize: 16 }}>
          {codes.map((c) => (
            <Typography.Text code key={c} data-testid="recovery-code-item">
              {c}
            </Typography.Text>
          ))}
        </Flex>
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="recovery-download">
          {t('totp.recoveryDownload')}
        </Button>
        <Button type="primary" onClick={onDone} data-testid="recovery-done">
          {t('totp.recoveryDone')}
        </Button>
      </Flex>
    </Flex>
  );
}
