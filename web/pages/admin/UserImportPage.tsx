import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.js';
import type { ImportCommit, ImportPreview } from '../../api/types.js';
import { commitImport, IMPORT_TEMPLATE_URL, previewImport } from '../../api/users.js';
import { errorMessage } from '../../components/formErrors.js';
import { PageCard } from '../../components/PageCard.js';
import { XlsxPicker } from '../../components/XlsxPicker.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ImportRowsTable } from './ImportRowsTable.js';
import { qk } from '../../api/queryKeys.js';

/** 用户导入: upload an .xlsx → preview every row with its errors → commit → the new accounts' initial passwords. */
export function UserImportPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportCommit | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
  };
  const run = async (step: 'preview' | 'commit', f: File) => {
    setBusy(step);
    setError(null);
    try {
      if (step === 'preview') setPreview(await previewImport(f));
      else {
        setResult(await commitImport(f));
        await queryClient.invalidateQueries({ queryKey: qk.users.all });
      }
    } catch (e) {
      setError(e instanceof Error ? e : new Error(errorMessage(e)));
    } finally {
      setBusy(null);
    }
  };

  const fieldErrors = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <PageCard
      title={t('import.title')}
      testId="import-page"
      extra={
        <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} download data-testid="import-template">
          {t('import.template')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={fieldErrors.length ? fieldErrors.map(([k, v]) => <div key={k}>{`${/^row\d+$/.test(k) ? `${t('import.row')} ${k.slice(3)}` : k}：${v}`}</div>) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {result ? (
        <>
          <Alert type="success" showIcon title={t('import.done', { created: result.created })} description={t('import.doneHint')} style={{ marginBottom: 16 }} />
          <Table
            data-testid="import-result"
            rowKey="account"
            size="small"
            dataSource={result.accounts}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('user.account'), dataIndex: 'account' },
              { title: t('import.initialPassword'), dataIndex: 'initialPassword', render: (p: string) => <Typography.Text code copyable>{p}</Typography.Text> },
              { title: t('user.status'), dataIndex: 'pendingApproval', render: (pending: boolean) => (pending ? <Tag color="orange">{t('import.pending')}</Tag> : null) },
            ]}
          />
          <Button style={{ marginTop: 16 }} onClick={reset}>
            {t('import.again')}
          </Button>
        </>
      ) : (
        <>
          <Flex wrap gap={8} align="flex-start" style={{ marginBottom: 16 }}>
            <XlsxPicker
              file={file}
              label={t('import.choose')}
              testId="import-choose"
              onPick={(f, tooLarge) => (setFile(f), setPreview(null), setError(tooLarge))}
              onRemove={() => reset()}
            />
            <Button disabled={!file} loading={busy === 'preview'} onClick={() => file && void run('preview', file)} data-testid="import-preview-button">
              {t('import.preview')}
            </Button>
            <Button
              type="primary"
              disabled={!file || !preview || preview.invalid > 0 || preview.valid === 0}
              loading={busy === 'commit'}
              onClick={() => file && void run('commit', file)}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
          </Flex>
          {preview && (
            <>
              <Alert
                type={preview.invalid ? 'warning' : 'info'}
                showIcon
                title={t('import.summary', { total: preview.rows.length, valid: preview.valid, invalid: preview.invalid })}
                description={preview.invalid ? t('import.fixFirst') : undefined}
                style={{ marginBottom: 16 }}
              />
              <ImportRowsTable rows={preview.rows} />
            </>
          )}
        </>
      )}
    </PageCard>
  );
}
