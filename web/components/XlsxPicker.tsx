import { Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { LIMITS } from '../../domain/limits.js';
import { useI18n } from '../i18n/useI18n.js';

/**
 * Picks one .xlsx to import, kept in the page (never uploaded by antd itself); `onPick` hears the
 * file and, when it is over the import limit, the refusal the server would give.
 */
export function XlsxPicker({ file, label, testId, onPick, onRemove }: { file: File | null; label: string; testId: string; onPick: (f: File, tooLarge: Error | null) => void; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <Upload
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      maxCount={1}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      beforeUpload={(f) => {
        onPick(f, f.size > LIMITS.importBytes ? new Error(t('import.tooLarge', { mb: LIMITS.importBytes / 1024 / 1024 })) : null);
        return false;
      }}
      onRemove={onRemove}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );
}
