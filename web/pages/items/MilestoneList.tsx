import { List, Tag, Typography } from 'antd';
import type { TaskDetail } from '../../api/workTypes.js';
import { todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 节点: name, due date, and whether and when it was done. */
export function MilestoneList({ milestones }: { milestones: TaskDetail['milestones'] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={milestones}
      locale={{ emptyText: t('item.noMilestones') }}
      renderItem={(m) => (
        <List.Item key={m.id}>
          <span>{m.name}</span>
          <span>
            <Typography.Text type="secondary">{m.due ?? '—'}</Typography.Text>
            {!m.doneOn && m.due && m.due < todayInZone() && (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                {t('work.overdue')}
              </Tag>
            )}
            {m.doneOn && (
              <Tag color="green" style={{ marginInlineStart: 6 }}>
                {m.doneOn}
              </Tag>
            )}
          </span>
        </List.Item>
      )}
    />
  );
}
