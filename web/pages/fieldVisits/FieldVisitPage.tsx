import { useState } from 'react';
import { Button, Descriptions, Empty, Flex, Image, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { BlockerStatus } from '../../../domain/schemas/blocker.js';
import { getFieldVisit, type Finding } from '../../api/fieldVisits.js';
import { qk } from '../../api/queryKeys.js';
import { evidenceUrl } from '../../api/reporting.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { FindingBlockerModal, FindingFollowUpModal } from './FindingModals.js';

/** One visit: where, who, what was seen, the photos, and each finding with what it became (or the two ways to act on it). */
export function FieldVisitPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: qk.fieldVisits.detail(id), queryFn: () => getFieldVisit(id) });
  const [acting, setActing] = useState<{ finding: Finding; as: 'blocker' | 'follow_up' } | null>(null);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const v = q.data.data;
  const mayAct = can(q.data.policies, 'act');
  return (
    <Flex vertical gap={16} data-testid="visit-page">
      <PageCard title={<span data-testid="visit-title">{`${formatDate(v.visitedOn)} ${v.place}`}</span>}>
        {/* The summary and the photos under labels of their own: unlabelled, the summary read as the rest of 参加人员. */}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('visit.body')}>{v.bodyName}</Descriptions.Item>
          <Descriptions.Item label={t('visit.by')}>{v.createdByName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('visit.participants')} span="filled">
            {v.participants || '—'}
          </Descriptions.Item>
          {v.summary && (
            <Descriptions.Item label={t('visit.summary')} span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="visit-summary-read">
                {v.summary}
              </span>
            </Descriptions.Item>
          )}
          {v.photos.length > 0 && (
            <Descriptions.Item label={t('visit.photos')} span="filled">
              <Image.PreviewGroup>
                <Flex gap={8} wrap data-testid="visit-photos">
                  {v.photos.map((p) => (
                    <Image key={p.sha256} src={evidenceUrl(p.sha256)} alt={p.name} width={120} height={90} style={{ objectFit: 'cover' }} />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            </Descriptions.Item>
          )}
        </Descriptions>
      </PageCard>
      <PageCard title={t('visit.findings')} testId="visit-findings">
        {v.findings.length === 0 ? (
          <Empty description={t('visit.noFindings')} />
        ) : (
          <List
            dataSource={v.findings}
            renderItem={(f) => (
              <List.Item key={f.id} data-testid="visit-finding-row" data-outcome={f.outcome ?? 'none'} style={{ flexWrap: 'wrap', gap: 8 }}>
                <Flex vertical gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                    {f.position}. {f.text}
                  </Typography.Text>
                  {f.blocker && (
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text type="secondary">
                        {t('visit.outcome.blocker')}：{f.blocker.title}
                      </Typography.Text>
                      <Tag style={{ marginInlineEnd: 0 }} data-testid="finding-blocker-status" data-status={f.blocker.status}>
                        {t(`blocker.status.${f.blocker.status as BlockerStatus}`)}
                      </Tag>
                      <Link to="/blockers">{t('visit.viewBlocker')}</Link>
                    </Flex>
                  )}
                  {f.followUp && (
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text type="secondary">{t('visit.outcome.follow_up')}{f.followUp.unitNames.length ? `（${f.followUp.unitNames.join('、')}）` : ''}</Typography.Text>
                      <LightTag light={f.followUp.light} testId="finding-light" />
                      <Typography.Text type="secondary">
                        {t('dispatch.replied', { replied: f.followUp.repliedCount, total: f.followUp.unitCount })} · {t('visit.deadline')} {formatDate(f.followUp.deadline)}
                      </Typography.Text>
                      <Link to={`/dispatches/${f.followUp.id}`}>{t('visit.viewFollowUp')}</Link>
                    </Flex>
                  )}
                </Flex>
                {f.outcome === null &&
                  (mayAct ? (
                    <Flex gap={8}>
                      <Button size="small" onClick={() => setActing({ finding: f, as: 'blocker' })} data-testid="finding-to-blocker">
                        {t('visit.toBlocker')}
                      </Button>
                      <Button size="small" onClick={() => setActing({ finding: f, as: 'follow_up' })} data-testid="finding-to-followup">
                        {t('visit.toFollowUp')}
                      </Button>
                    </Flex>
                  ) : (
                    <Tag>{t('visit.outcome.none')}</Tag>
                  ))}
              </List.Item>
            )}
          />
        )}
      </PageCard>
      {acting?.as === 'blocker' && <FindingBlockerModal visitId={v.id} taskForce={v.bodyId} finding={acting.finding} onClose={() => setActing(null)} />}
      {acting?.as === 'follow_up' && <FindingFollowUpModal visitId={v.id} finding={acting.finding} onClose={() => setActing(null)} />}
    </Flex>
  );
}
