import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../../../domain/schemas/evidence.js';
import { evidenceUrl, uploadEvidence } from '../../api/reporting.js';
import type { Evidence } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';

/** An uploaded file as the Upload list shows it; `response` holds the server's answer (its SHA-256). */
export type EvidenceFile = UploadFile<Evidence>;

// The type tells antd's picture list whether to draw a thumbnail: the URL has no extension, and without it a PDF showed as a broken image.
export const toUploadFile = (e: Evidence): EvidenceFile => ({ uid: e.sha256, name: e.name, type: e.mime, status: 'done', response: e, url: evidenceUrl(e.sha256) });

/** The references a report sends: the finished uploads' SHA-256 with the name to show. */
export const evidenceRefs = (files: readonly EvidenceFile[]) => files.filter((f) => f.status === 'done' && f.response).map((f) => ({ sha256: f.response!.sha256, name: f.response!.name }));

/**
 * 佐证材料: each file goes to POST /api/evidence as soon as it is picked (stored once by SHA-256),
 * so the report only carries references. Size and type are checked here first and again by the server.
 */
export function EvidenceUpload({ files, onChange, disabled }: { files: EvidenceFile[]; onChange: (f: EvidenceFile[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Upload<Evidence>
      multiple
      accept={EVIDENCE_ACCEPT}
      fileList={files}
      disabled={disabled}
      listType="picture"
      data-testid="evidence-upload"
      onChange={({ fileList }) => onChange(fileList.map((f) => (f.status === 'done' && f.response && !f.url ? { ...f, url: evidenceUrl(f.response.sha256) } : f)))}
      beforeUpload={(file) => (file.size > EVIDENCE_MAX_BYTES ? Upload.LIST_IGNORE : true)}
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
