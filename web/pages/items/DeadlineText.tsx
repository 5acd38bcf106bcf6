import type { TaskItem } from '../../api/workTypes.js';
import { useI18n } from '../../i18n/useI18n.js';

/** A task's deadline in words: a date, "每月10日前" (with the next due date), or 长期坚持. */
export function DeadlineText({ task }: { task: Pick<TaskItem, 'deadlineKind' | 'deadline' | 'recurrence' | 'nextDue'> }) {
  const { t } = useI18n();
  if (task.deadlineKind === 'ongoing') return <>{t('item.ongoing')}</>;
  if (task.deadlineKind === 'recurring' && task.recurrence) {
    const every = t(task.recurrence.every === 'month' ? 'item.month' : 'item.quarter');
    return (
      <>
        {t('item.recurring', { every, day: task.recurrence.day })}
        {task.nextDue ? ` (${task.nextDue})` : ''}
      </>
    );
  }
  return <>{task.deadline ?? '—'}</>;
}
