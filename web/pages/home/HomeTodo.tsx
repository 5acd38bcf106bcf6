import { Card, Flex, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { hqWorkbench, listReports, taskForceWorkbench, unitWorkbench } from '../../api/reporting.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import type { MessageKey } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { myUnits } from '../work/myUnits.js';
import { qk } from '../../api/queryKeys.js';
import { useLedgerTodo } from './useLedgerTodo.js';

interface Count {
  key: string;
  label: MessageKey;
  value: number | undefined;
  path: string;
  /** Counts that mean something went wrong stand out when above zero. */
  alarm?: boolean;
}

/**
 * What waits for the user, by role, on the first page after login: the counts of their workbench
 * (the same queries, so the workbench opens from cache), each opening it.
 */
export function HomeTodo() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const roles = roleCodes(me);
  const unit = myUnits(me)[0]?.id;
  const isHead = roles.includes('unit_head');
  const wb = useQuery({ queryKey: qk.workbench.unit(unit), queryFn: () => unitWorkbench(unit), enabled: unit !== undefined });
  const toApprove = useQuery({ queryKey: qk.reports.submitted(unit), queryFn: () => listReports({ status: 'submitted', unit }), enabled: isHead && unit !== undefined });
  const tf = useQuery({ queryKey: qk.workbench.taskForce, queryFn: taskForceWorkbench, enabled: roles.includes('task_force') });
  const hq = useQuery({ queryKey: qk.workbench.hq, queryFn: hqWorkbench, enabled: roles.includes('hq_office') });
  const ledger = useLedgerTodo(roles);

  const counts: Count[] = [];
  if (unit !== undefined) {
    const c = wb.data?.data.counts;
    const at = '/work/unit';
    counts.push({ key: 'toClaim', label: 'work.toClaim', value: c?.toClaim, path: at });
    if (isHead) {
      counts.push({ key: 'claimsToApprove', label: 'work.claimsToApprove', value: c?.claimsToApprove, path: at });
      counts.push({ key: 'toApprove', label: 'work.toApprove', value: toApprove.data?.page?.total, path: at });
    }
    counts.push(
      { key: 'toReport', label: 'work.toReport', value: c?.toReport, path: at },
      { key: 'returned', label: 'work.returned', value: c?.returned, path: at, alarm: true },
      { key: 'dueSoon', label: 'work.dueSoon', value: c?.dueSoon, path: at },
      { key: 'overdue', label: 'work.overdue', value: c?.overdue, path: at, alarm: true },
    );
  }
  if (roles.includes('task_force')) counts.push({ key: 'toReview', label: 'work.toReview', value: tf.data?.data.counts.toReview, path: '/work/review' });
  if (roles.includes('hq_office')) {
    const c = hq.data?.data.counts;
    counts.push({ key: 'toAccept', label: 'work.toAccept', value: c?.toAccept, path: '/work/hq' }, { key: 'unclaimed', label: 'work.unclaimed', value: c?.unclaimedTasks, path: '/work/hq', alarm: true });
  }
  counts.push(...ledger);
  if (!counts.length) return null;
  return (
    <Card size="small" title={t('home.todo')} data-testid="home-todo">
      <Flex wrap gap={32}>
        {counts.map((c) => (
          <Link key={c.key} to={c.path} data-testid={`home-todo-${c.key}`}>
            <Statistic title={t(c.label)} value={c.value ?? '–'} valueStyle={c.alarm && (c.value ?? 0) > 0 ? { color: '#cf1322' } : undefined} />
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
