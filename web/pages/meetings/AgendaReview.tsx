import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PLAN_STATUSES, type PlanStatus } from '../../../domain/work.js';
import type { ReviewOutcome } from '../../../domain/meetings.js';
import type { AgendaItem } from '../../api/meetings.js';
import { useI18n } from '../../i18n/useI18n.js';
import { PlanStatusTag } from '../plans/PlanStatusTag.js';
import { ReviewDecision } from './ReviewDecision.js';

const OUTCOME_COLOR: Record<ReviewOutcome, string> = { approved: 'green', returned: 'orange' };
const isPlanStatus = (s: string | null): s is PlanStatus => (PLAN_STATUSES as readonly (string | null)[]).includes(s);

/** 审议: the plan before the meeting and where it stands, what the meeting decided, and (for the office, while undecided) the decision. */
export function AgendaReview({ meetingId, item }: { meetingId: string; item: AgendaItem }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Flex gap={6} wrap align="center" style={{ minWidth: 0 }}>
        <Typography.Text>{t('agenda.planLabel')}</Typography.Text>
        {item.planId ? (
          <Link to={`/plans/${item.planId}`} style={{ wordBreak: 'break-word' }} data-testid="agenda-plan-link">
            {item.planTitle}
          </Link>
        ) : (
          '—'
        )}
        {isPlanStatus(item.planStatus) && <PlanStatusTag status={item.planStatus} />}
        {item.outcome && (
          <Tag color={OUTCOME_COLOR[item.outcome]} style={{ marginInlineEnd: 0 }} data-testid="agenda-outcome" data-outcome={item.outcome}>
            {t(`agenda.outcome.${item.outcome}`)}
          </Tag>
        )}
      </Flex>
      {item.mayDecide && <ReviewDecision meetingId={meetingId} item={item} />}
    </Flex>
  );
}
