import { useRef } from 'react';
import { App, Button, Flex, Upload, type UploadFile } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES } from '../../../domain/schemas/evidence.js';
import { ApiError } from '../../api/client.js';
import { evidenceUrl, uploadEvidence } from '../../api/reporting.js';
import type { Evidence } from '../../api/workTypes.js';
import { errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { downscalePhoto } from './downscalePhoto.js';

/** A file picked with no network: kept on the device (downscaled) and sent with the queued report. */
export interface LocalPhoto {
  local: true;
  blob: Blob;
  name: string;
}

/** An uploaded file as the Upload list shows it; `response` holds the server's answer (its SHA-256), or the file kept on the device. */
export type EvidenceFile = UploadFile<Evidence | LocalPhoto>;

const isLocal = (r: Evidence | LocalPhoto | undefined): r is LocalPhoto => !!r && 'local' in r;

// The type tells antd's picture list whether to draw a thumbnail: the URL has no extension, and without it a PDF showed as a broken image.
export const toUploadFile = (e: Evidence): EvidenceFile => ({ uid: e.sha256, name: e.name, type: e.mime, status: 'done', response: e, url: evidenceUrl(e.sha256) });

/** The references a report sends: the finished uploads' SHA-256 with the name to show. */
export const evidenceRefs = (files: readonly EvidenceFile[]) =>
  files.flatMap((f) => (f.status === 'done' && f.response && !isLocal(f.response) ? [{ sha256: f.response.sha256, name: f.response.name }] : []));

/** The photos kept on the device (picked with no network), to be uploaded when the report is sent. */
export const localPhotos = (files: readonly EvidenceFile[]): LocalPhoto[] => files.flatMap((f) => (f.status === 'done' && isLocal(f.response) ? [f.response] : []));

/** A photo kept on the device as the list shows it (thumbnail from the blob itself). */
export const toLocalFile = (p: LocalPhoto, uid: string): EvidenceFile => ({ uid, name: p.name, type: p.blob.type, status: 'done', response: p, thumbUrl: URL.createObjectURL(p.blob) });

/**
 * 佐证材料: each file goes to POST /api/evidence as soon as it is picked (stored once by SHA-256),
 * so the report only carries references. A photo is downscaled here first (long side ≤ 2,560 px,
 * JPEG); what is still too large is refused with a message saying so, never dropped without a word.
 * The server checks size and type again. `keepOffline` (the report form): a file that cannot be sent
 * for want of a network stays in the list, kept on the device, and goes with the queued report.
 * `camera`: on a phone, a 拍照 button that opens its camera (`capture`); a desk computer has the upload alone.
 */
export function EvidenceUpload({ files, onChange, disabled, keepOffline, camera }: { files: EvidenceFile[]; onChange: (f: EvidenceFile[]) => void; disabled?: boolean; keepOffline?: boolean; camera?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // Read at once, not through antd's breakpoint hook, whose first render takes every screen for a phone.
  const mobile = typeof matchMedia === 'function' && matchMedia('(max-width: 767.98px)').matches;
  const latest = useRef(files);
  latest.current = files;
  // The list as last changed here, not as last rendered: offline, the upload of a photo fails before
  // React has rendered the list that holds it, and a change made from the rendered list dropped it.
  const change = (next: EvidenceFile[]) => {
    latest.current = next;
    onChange(next);
  };
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

  const prepare = async (file: File): Promise<File | null> => {
    const sent = await downscalePhoto(file, EVIDENCE_MAX_BYTES);
    if (sent.size > EVIDENCE_MAX_BYTES) {
      void message.error({ content: t('report.fileTooLarge', { name: file.name, size: mb(sent.size), max: mb(EVIDENCE_MAX_BYTES) }), key: `too-large-${file.name}-${file.size}` });
      return null;
    }
    return sent;
  };
  const kept = (file: File): LocalPhoto => ({ local: true, blob: file, name: file.name });

  // The camera's photo skips antd's Upload (which takes no `capture`): the same steps, by hand.
  const takePhotos = async (picked: FileList | null) => {
    for (const original of [...(picked ?? [])]) {
      const file = await prepare(original);
      if (!file) continue;
      const uid = `photo-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      change([...latest.current, { uid, name: file.name, type: file.type, status: 'uploading', thumbUrl: URL.createObjectURL(file) }]);
      let next: EvidenceFile;
      try {
        const e = await uploadEvidence(file);
        next = { ...toUploadFile(e), uid };
      } catch (err) {
        if (keepOffline && err instanceof ApiError && err.status === 0) next = toLocalFile(kept(file), uid);
        else next = { uid, name: file.name, status: 'error', error: new Error(errorMessage(err)), response: undefined };
      }
      change(latest.current.map((f) => (f.uid === uid ? next : f)));
    }
  };

  return (
    <Flex vertical gap={8}>
      {camera && mobile && !disabled && (
        <label style={{ alignSelf: 'flex-start' }}>
          {/* The input stays in the page (not display:none), so the label's tap reaches it on every browser. */}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            data-testid="photo-capture"
            style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
            onChange={(e) => {
              const picked = e.currentTarget.files;
              void takePhotos(picked).finally(() => (e.target.value = ''));
            }}
          />
          <Button type="primary" ghost icon={<CameraOutlined />} data-testid="photo-button" style={{ pointerEvents: 'none' }}>
            {t('report.takePhoto')}
          </Button>
        </label>
      )}
      <Upload<Evidence | LocalPhoto>
        multiple
        accept={EVIDENCE_ACCEPT}
        fileList={files}
        disabled={disabled}
        listType="picture"
        data-testid="evidence-upload"
        onChange={({ fileList }) => onChange(fileList.map((f) => (f.status === 'done' && f.response && !isLocal(f.response) && !f.url ? { ...f, url: evidenceUrl(f.response.sha256) } : f)))}
        beforeUpload={async (file) => (await prepare(file)) ?? Upload.LIST_IGNORE}
        customRequest={({ file, onSuccess, onError }) => {
          uploadEvidence(file as File)
            .then((e) => onSuccess?.(e))
            .catch((err: unknown) => {
              if (keepOffline && err instanceof ApiError && err.status === 0) onSuccess?.(kept(file as File));
              else onError?.(new Error(errorMessage(err)));
            });
        }}
      >
        {!disabled && (
          <Button icon={<UploadOutlined />} data-testid="evidence-button">
            {t('report.upload')}
          </Button>
        )}
      </Upload>
    </Flex>
  );
}
