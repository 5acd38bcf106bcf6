import { Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { getCase, type OversightCase } from '../../api/oversight.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LoadError } from '../../components/LoadError.js';
import { NotFound } from '../../components/NotFound.js';
import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import { CaseActions } from './CaseActions.js';
import { CaseComplaintCard } from './CaseComplaintCard.js';
import { CaseRequestsCard } from './CaseRequestsCard.js';
import { CaseNotes } from './CaseNotes.js';
import { CaseStatusTag } from './CaseStatusTag.js';

/** Where the case's source opens: a ledger entry (an item's kind is not kept, a blocker has no page of its own). */
function sourcePath(c: OversightCase): string | null {
  if (!c.sourceId) return null;
  if (c.sourceKind === 'ledger') return `/ledger/${c.sourceId}`;
  return null;
}

function steps(c: OversightCase): { key: MessageKey; at: string }[] {
  const all: [MessageKey, string | null][] = [
    ['oversight.step.received', c.createdAt],
    ['oversight.step.verified', c.verifiedAt],
    ['oversight.step.handled', c.handledAt],
    ['oversight.step.closed', c.closedAt],
  ];
  return all.filter((s): s is [MessageKey, string] => !!s[1]).map(([key, at]) => ({ key, at }));
}

/** One case: its fields, the steps taken, the disposal, the confidential notes and the steps its policies allow. Anyone else: the 404 page. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const oversees = roleCodes(me).includes('oversight');
  const q = useQuery({ queryKey: qk.oversight.detail(id), queryFn: () => getCase(id), enabled: oversees, retry: false });
  if (!oversees || (q.error instanceof ApiError && q.error.status === 404)) return <NotFound />;
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <FullPageSpin />;
  const { data: c, policies } = q.data;
  const reload = async () => {
    await q.refetch();
  };
  const to = sourcePath(c);

  return (
    <Flex vertical gap={16} data-testid="case-page" data-status={c.status}>
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            <Link to="/oversight/cases">{t('menu.oversight')}</Link>
            <Typography.Text type="secondary">/</Typography.Text>
            <span data-testid="case-title">{c.title}</span>
            <CaseStatusTag status={c.status} />
          </Flex>
        }
        extra={<CaseActions c={c} policies={policies} reload={reload} />}
        styles={{ header: { paddingBlock: 8 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('oversight.category')}>
            <Tag>{t(`oversight.category.${c.category}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('oversight.keyLink')}>{c.keyLink ? t(`ledger.keyLink.${c.keyLink}`) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.unit')}>{c.unitName ?? t('oversight.noUnit')}</Descriptions.Item>
          <Descriptions.Item label={t('oversight.source')}>
            <span data-testid="case-source">
              {t(`oversight.source.${c.sourceKind}`)}
              {c.sourceTitle && ' · '}
              {c.sourceTitle && (to ? <Link to={to}>{c.sourceTitle}</Link> : c.sourceTitle)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('oversight.receivedAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="case-summary">
          {c.summary || '—'}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            {c.sourceKind === 'complaint' && <CaseComplaintCard caseId={c.id} />}
            <CaseRequestsCard caseId={c.id} unitId={c.unitId} />
            {c.disposal && (
              <Card size="small" title={t('oversight.disposal')} data-testid="case-disposal-card">
                <Tag color="cyan" data-testid="case-disposal-kind">
                  {t(`oversight.disposal.${c.disposal}`)}
                </Tag>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>{c.disposalText}</Typography.Paragraph>
              </Card>
            )}
            <CaseNotes c={c} mayAdd={can(policies, 'note')} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('oversight.steps')}>
            <Timeline items={steps(c).map((s) => ({ key: s.key, content: `${t(s.key)} · ${formatDateTime(s.at)}` }))} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
