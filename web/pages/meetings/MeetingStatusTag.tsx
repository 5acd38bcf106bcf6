import { Tag } from 'antd';
import type { MeetingStatus } from '../../../domain/meetings.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLOR: Record<MeetingStatus, string> = { open: 'processing', closed: 'success' };

/** 进行中 / 已印发纪要. */
export function MeetingStatusTag({ status, testId }: { status: MeetingStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {t(`meeting.status.${status}`)}
    </Tag>
  );
}
