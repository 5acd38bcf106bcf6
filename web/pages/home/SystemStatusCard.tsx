import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { getSystemStatus } from '../../api/system.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** A backup older than this (a day and a half: one nightly run missed) is shown as overdue. */
const STALE_SECONDS = 36 * 3600;

const JOB_LABELS = { midnight: 'system.job.midnight', reminders: 'system.job.reminders', outbox: 'system.job.outbox', backup: 'system.job.backup' } as const;
const jobLabel = (name: string) => JOB_LABELS[name as keyof typeof JOB_LABELS];

/** The sysadmin's 系统状态: the database, the scheduled jobs of this instance and the newest backup's age. */
export function SystemStatusCard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['system', 'status'], queryFn: getSystemStatus, refetchInterval: 60_000 });
  const s = q.data;
  const b = s?.backup;
  const hours = b?.ageSeconds == null ? null : Math.floor(b.ageSeconds / 3600);
  const stale = !b || b.ageSeconds == null || b.ageSeconds > STALE_SECONDS;
  return (
    <Card size="small" title={t('system.status')} data-testid="home-system-status" loading={q.isLoading}>
      {s && (
        <Flex vertical gap={12}>
          {stale && <Alert type="warning" showIcon message={b?.latestAt ? t('system.backupStale') : t('system.backupNone')} data-testid="system-backup-alert" />}
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('system.database')}>
              <Tag color={s.database === 'ok' ? 'green' : 'red'}>{s.database === 'ok' ? t('system.ok') : t('system.unreachable')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('system.latestBackup')}>
              <span data-testid="system-backup-age">
                {b?.latestAt ? `${formatDateTime(b.latestAt)}${t('system.hoursAgo', { hours: String(hours ?? 0) })}` : t('system.backupNone')}
              </span>
              {b?.bytes != null && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('system.backupSize', { mb: (b.bytes / 1024 / 1024).toFixed(1), count: String(b.count) })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('system.jobs')} span={2}>
              <Flex gap={8} wrap>
                {s.jobs.map((j) => (
                  <Tag key={j.name} color={j.failing ? 'red' : j.lastSuccessAt ? 'green' : 'default'} title={j.lastError ?? undefined}>
                    {jobLabel(j.name) ? t(jobLabel(j.name)) : j.name}：{j.failing ? t('system.failing') : j.lastSuccessAt ? formatDateTime(j.lastSuccessAt) : t('system.notYet')}
                  </Tag>
                ))}
              </Flex>
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      )}
    </Card>
  );
}
