import type { Dispatch, SetStateAction } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { COMPLAINT_FILE_ACCEPT, COMPLAINT_FILE_MAX_BYTES, COMPLAINT_MAX_FILES, complaintFileType } from '../../../domain/complaints.js';
import { useI18n } from '../../i18n/useI18n.js';
import { downscalePhoto } from '../reports/downscalePhoto.js';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/**
 * 附件 on the public complaint form: up to 3 photos or PDFs, kept in the page and sent with the
 * complaint (nothing is uploaded before it is filed). A photo is downscaled first, as evidence is;
 * a file whose first bytes are no JPEG, PNG or PDF, or still too large, is refused here with a
 * message naming it (`onProblem`, shown under the field: the public pages have no toasts) — the
 * server decides the same way, by the bytes, and checks again.
 */
export function ComplaintFilesPicker(props: { files: UploadFile[]; setFiles: Dispatch<SetStateAction<UploadFile[]>>; onProblem: (text: string | null) => void; disabled?: boolean }) {
  const { files, setFiles, onProblem, disabled } = props;
  const { t } = useI18n();
  return (
    <Upload
      multiple
      accept={COMPLAINT_FILE_ACCEPT}
      listType="picture"
      fileList={files}
      disabled={disabled}
      data-testid="complaint-files"
      onRemove={(f) => {
        onProblem(null);
        setFiles((now) => now.filter((x) => x.uid !== f.uid));
      }}
      beforeUpload={async (file, batch) => {
        // The picked files arrive one call each: count those of the batch before this one.
        const room = COMPLAINT_MAX_FILES - files.length - batch.indexOf(file);
        if (room <= 0) {
          onProblem(t('complaint.tooManyFiles', { max: COMPLAINT_MAX_FILES }));
          return Upload.LIST_IGNORE;
        }
        const sent = await downscalePhoto(file, COMPLAINT_FILE_MAX_BYTES);
        const head = new Uint8Array(await sent.slice(0, 16).arrayBuffer());
        const type = complaintFileType(head);
        if (!type) onProblem(t('complaint.fileType', { name: file.name }));
        else if (sent.size > COMPLAINT_FILE_MAX_BYTES) onProblem(t('complaint.fileTooLarge', { name: file.name, size: mb(sent.size), max: mb(COMPLAINT_FILE_MAX_BYTES) }));
        else {
          onProblem(null);
          add(sent, type);
        }
        // Nothing is uploaded on its own: the files go with the complaint.
        return Upload.LIST_IGNORE;
      }}
    >
      {!disabled && files.length < COMPLAINT_MAX_FILES && (
        <Button icon={<PaperClipOutlined />} data-testid="complaint-add-file">
          {t('complaint.addFile')}
        </Button>
      )}
    </Upload>
  );

  // Functional: files picked together are added one by one, each to the list the last one left.
  function add(file: File, type: string) {
    const uid = `${file.name}-${file.size}-${file.lastModified}-${Math.random().toString(36).slice(2)}`;
    // antd's RcFile is a File with its uid (and the browser's own read-only lastModifiedDate, which must not be assigned).
    const originFileObj = Object.assign(file, { uid }) as UploadFile['originFileObj'];
    setFiles((now) => (now.length >= COMPLAINT_MAX_FILES ? now : [...now, { uid, name: file.name, size: file.size, type, status: 'done', originFileObj }]));
  }
}
