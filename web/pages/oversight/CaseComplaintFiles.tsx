import { Flex, Typography } from 'antd';
import { FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { complaintFileUrl, type CaseComplaint } from '../../api/complaints.js';
import { useI18n } from '../../i18n/useI18n.js';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * The photos and PDFs a complaint came with, as links: a photo opens in a new tab, a PDF is saved
 * (the server's headers decide). No thumbnails: each file read is recorded, so one is fetched only
 * when the officer asks for it.
 */
export function CaseComplaintFiles({ caseId, files }: { caseId: string; files: CaseComplaint['files'] }) {
  const { t } = useI18n();
  if (!files.length) return <Typography.Text type="secondary">{t('complaint.noFiles')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {files.map((f) => (
        <Typography.Link key={f.sha256} href={complaintFileUrl(caseId, f.sha256)} target="_blank" rel="noopener noreferrer" data-testid="complaint-file" data-mime={f.mime} style={{ wordBreak: 'break-all' }}>
          {f.mime === 'application/pdf' ? <FilePdfOutlined /> : <PictureOutlined />} {f.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {size(f.size)}
          </Typography.Text>
        </Typography.Link>
      ))}
    </Flex>
  );
}
