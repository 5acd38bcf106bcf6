import { useState, type ReactNode } from 'react';
import { App, Button, Modal, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { apiDownload } from '../api/client.js';
import { errorMessage } from './formErrors.js';
import { JobProgressBar } from './JobProgressBar.js';
import { useJobProgress } from './useJobProgress.js';
import { useI18n } from '../i18n/useI18n.js';

/** Saves the bytes under their name, as a link to the file would have. */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A generated file's download (an .xlsx export): fetched as a job, so that while the server writes
 * it a dialog shows how far it has come (after SHOW_AFTER_MS: a quick one shows nothing), then saved
 * under the name the server gave; a failure shows the server's message. The link stays a real
 * link (`href`): opened in a new tab or copied, it still downloads, without the bar.
 */
export function DownloadButton({ href, testId, children, ...rest }: { href: string; testId: string; children: ReactNode } & Omit<ButtonProps, 'href' | 'onClick' | 'loading'>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { bar, run } = useJobProgress();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        {...rest}
        href={href}
        loading={busy}
        data-testid={testId}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          run((jobId) => apiDownload(href, jobId))
            .then(({ blob, name }) => save(blob, name))
            .catch((err: unknown) => void message.error(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </Button>
      <Modal open={!!bar} title={t('job.exporting')} footer={null} closable={false} maskClosable={false} data-testid="download-progress">
        {bar && <JobProgressBar bar={bar} />}
      </Modal>
    </>
  );
}
