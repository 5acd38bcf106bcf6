import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import { allowed, NAV } from '../../nav.js';
import { getLedgerEntry, type LedgerEntry } from '../../api/ledger.js';
import { qk } from '../../api/queryKeys.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate, formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, toUploadFile } from '../reports/EvidenceUpload.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { SubjectNotices } from '../bulletins/SubjectNotices.js';
import { LedgerActions } from './LedgerActions.js';
import { LedgerStatusTag } from './LedgerStatusTag.js';

/** What waits next, in words: whose turn it is. */
const nextKey = (e: LedgerEntry): MessageKey => (e.status === 'verified' ? `ledger.next.verified.${e.verdict ?? 'effective'}` : `ledger.next.${e.status}`);

/**
 * The steps as far as the entry keeps them: each step's latest time (the API keeps who and when of
 * the last of each kind, not every round), in the order they happened.
 */
/** The trail the detail carries (every round), each step with who took it and what they wrote. */
function steps(e: LedgerEntry): { key: MessageKey; at: string; actor: string | null; verdict: LedgerEntry['verdict']; text: string | null }[] {
  return (e.trail ?? []).map((s) => ({ key: `ledger.step.${s.action}` as MessageKey, at: s.at, actor: s.actorName, verdict: s.verdict, text: s.text }));
}

/** One 督查台账 entry: the finding and what it requires, the unit's rectification, the verdict, the steps and the buttons its policies allow. */
export function LedgerEntryPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const q = useQuery({ queryKey: qk.ledger.detail(id), queryFn: () => getLedgerEntry(id) });
  // Back to the list this user has: the ledger, or a unit's 整改事项.
  const back = NAV.find((i) => (i.id === 'ledger' || i.id === 'rectifications') && allowed(i, roleCodes(me)));
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: e, policies } = q.data;
  const reload = async () => {
    await q.refetch();
  };

  return (
    <Flex vertical gap={16} data-testid="ledger-entry-page" data-status={e.status}>
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            {back && (
              <>
                <Link to={back.path}>{t(back.label)}</Link>
                <Typography.Text type="secondary">/</Typography.Text>
              </>
            )}
            <span>{e.unitName}</span>
            <LedgerStatusTag status={e.status} />
            {e.overdue && <Tag color="error">{t('ledger.overdue')}</Tag>}
            {e.reopenCount > 0 && <Tag color="warning">{t('ledger.reopenCount', { n: e.reopenCount })}</Tag>}
          </Flex>
        }
        styles={{ header: { paddingBlock: 8 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('ledger.unit')}>{e.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.keyLink')}>{t(`ledger.keyLink.${e.keyLink}`)}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.deadline')}>
            <span style={e.overdue ? { color: '#cf1322' } : undefined} data-testid="ledger-deadline">
              {formatDate(e.deadline)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.source')}>
            <span data-testid="ledger-source">{t(`ledger.source.${e.sourceKind}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('ledger.campaign')}>{e.inspectionTitle ?? t('ledger.noCampaign')}</Descriptions.Item>
          <Descriptions.Item label={t('ledger.createdAt')}>{formatDateTime(e.createdAt)}</Descriptions.Item>
          {e.items.length > 0 && (
            <Descriptions.Item label={t('ledger.items')} span={3}>
              <Flex vertical>
                {e.items.map((i) => (
                  <Link key={i.itemId} to={itemPath(i.itemType, i.itemId)} data-testid="ledger-item-link">
                    {i.title ?? i.itemId}
                  </Link>
                ))}
              </Flex>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>{t('ledger.finding')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ledger-finding">
          {e.finding}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('ledger.requirement')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ledger-requirement">
          {e.requirement}
        </Typography.Paragraph>
        <Flex gap={12} align="center" wrap>
          <LedgerActions entry={e} policies={policies} reload={reload} />
          {e.status !== 'closed' && (
            <Typography.Text type="secondary" data-testid="ledger-next">
              {t(nextKey(e))}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('ledger.rectification')} data-testid="ledger-rectification">
              {e.measures ? (
                <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
                  <Descriptions.Item label={t('ledger.measures')}>
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ledger-measures-text">
                      {e.measures}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ledger.evidence')}>{e.evidence.length ? <EvidenceUpload files={e.evidence.map(toUploadFile)} onChange={() => undefined} disabled /> : '—'}</Descriptions.Item>
                </Descriptions>
              ) : (
                <Typography.Text type="secondary">{t('ledger.notRectified')}</Typography.Text>
              )}
            </Card>
            {(e.verdict || e.reopenReason) && (
              <Card size="small" title={t('ledger.verdict')} data-testid="ledger-verdict-card">
                {e.verdict && (
                  <Alert
                    type={e.verdict === 'effective' ? 'success' : 'warning'}
                    showIcon
                    title={<span data-testid="ledger-verdict-text">{t(`ledger.verdict.${e.verdict}`)}</span>}
                    description={e.verifyComment}
                    style={{ marginBottom: e.reopenReason ? 8 : 0 }}
                  />
                )}
                {e.reopenReason && (
                  <Typography.Paragraph style={{ margin: 0 }} data-testid="ledger-reopen-reason">
                    {t('ledger.reopenReason')}：{e.reopenReason}
                  </Typography.Paragraph>
                )}
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
          <SubjectNotices subjectType="ledger" subjectId={e.id} late={e.overdue} />
          <Card size="small" title={t('ledger.steps')}>
            <Timeline
              style={{ marginTop: 8 }}
              items={steps(e).map((s, i) => ({
                key: `${s.key}-${i}`,
                color: s.verdict === 'not_effective' || s.key === 'ledger.step.reopened' ? 'orange' : s.verdict === 'effective' || s.key === 'ledger.step.closed' ? 'green' : 'blue',
                children: (
                  <div data-testid="ledger-step">
                    <div>
                      {t(s.key)}
                      {s.verdict && `（${t(`ledger.verdict.${s.verdict}`)}）`}
                      {s.actor && <Typography.Text type="secondary"> · {s.actor}</Typography.Text>}
                    </div>
                    {s.text && s.key !== 'ledger.step.created' && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 13 }} ellipsis={{ rows: 3, expandable: true }}>
                        {s.text}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(s.at)}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
