import { Tag } from 'antd';
import type { MeetingKind } from '../../../domain/meetings.js';
import { useI18n } from '../../i18n/useI18n.js';

const COLOR: Record<MeetingKind, string> = { leading_group: 'volcano', hq_dispatch: 'geekblue', task_force: 'cyan' };

/** 领导小组会议 / 指挥部调度会 / 专项推进组会议. */
export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[kind]} style={{ marginInlineEnd: 0 }} data-testid="meeting-kind-tag">
      {t(`meeting.kind.${kind}`)}
    </Tag>
  );
}
