import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../../../domain/schemas/evidence.js';
import { evidenceUrl, uploadEvidence } from '../../api/reporting.js';
import type { Evidence } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { downscalePhoto } from './downscalePhoto.js';

/** An uploaded file as the Upload list shows it; `response` holds the server's answer (its SHA-256). */
export type EvidenceFile = UploadFile<Evidence>;

// The type tells antd's picture list whether to draw a thumbnail: the URL has no extension, and without it a PDF showed as a broken image.
export const toUploadFile = (e: Evidence): EvidenceFile => ({ uid: e.sha256, name: e.name, type: e.mime, status: 'done', response: e, url: evidenceUrl(e.sha256) });

/** The references a report sends: the finished uploads' SHA-256 with the name to show. */
export const evidenceRefs = (files: readonly EvidenceFile[]) => files.filter((f) => f.status === 'done' && f.response).map((f) => ({ sha256: f.response!.sha256, name: f.response!.name }));

/**
 * 佐证材料: each file goes to POST /api/evidence as soon as it is picked (stored once by SHA-256),
 * so the report only carries references. A photo is downscaled here first (long side ≤ 2,560 px,
 * JPEG); what is still too large is refused with a message saying so, never dropped without a word.
 * The server checks size and type again.
 */
export function EvidenceUpload({ files, onChange, disabled }: { files: EvidenceFile[]; onChange: (f: EvidenceFile[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return (
    <Upload<Evidence>
      multiple
      accept={EVIDENCE_ACCEPT}
      fileList={files}
      disabled={disabled}
      listType="picture"
      data-testid="evidence-upload"
      onChange={({ fileList }) => onChange(fileList.map((f) => (f.status === 'done' && f.response && !f.url ? { ...f, url: evidenceUrl(f.response.sha256) } : f)))}
      beforeUpload={async (file) => {
        const sent = await downscalePhoto(file, EVIDENCE_MAX_BYTES);
        if (sent.size > EVIDENCE_MAX_BYTES) {
          void message.error({ content: t('report.fileTooLarge', { name: file.name, size: mb(sent.size), max: mb(EVIDENCE_MAX_BYTES) }), key: `too-large-${file.uid}` });
          return Upload.LIST_IGNORE;
        }
        return sent;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        uploadEvidence(file as File)
          .then((e) => onSuccess?.(e))
          .catch((err: unknown) => onError?.(new Error(errorMessage(err))));
      }}
    >
      {!disabled && (
        <Button icon={<UploadOutlined />} data-testid="evidence-button">
          {t('report.upload')}
        </Button>
      )}
    </Upload>
  );
}
