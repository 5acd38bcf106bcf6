import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getReport, reportBrief, stepReport, updateReport } from '../../api/reporting.js';
import { ReportBriefCard } from './ReportBriefCard.js';
import { can } from '../../api/types.js';
import { FullPageSpin } from '../../components/FullPageSpin.js';
import { LightReasons, LightTag } from '../../components/LightTag.js';
import { LoadError } from '../../components/LoadError.js';
import { formatDate, trimDecimal } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { itemPath } from '../../../domain/itemPaths.js';
import { BlockerList } from './BlockerList.js';
import { EvidenceUpload, toUploadFile } from './EvidenceUpload.js';
import { ReportActions } from './ReportActions.js';
import { ReportFigure } from './ReportFigure.js';
import { ReportForm, type ReportPayload } from './ReportForm.js';
import { ReportSteps } from './ReportSteps.js';
import { ReportStatusTag } from './ReportStatusTag.js';
import { qk, reportChanged } from '../../api/queryKeys.js';
import { InstructionsCard } from '../dispatch/InstructionsCard.js';

/**
 * One progress report: while it is with the unit, the form (save / submit); afterwards what was
 * reported; the step history, the return reason, and the reviewer's buttons per `policies`.
 */
export function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const report = useQuery({ queryKey: qk.reports.detail(id), queryFn: () => getReport(id) });
  const item = report.data?.data;
  // While the unit writes (a draft, or a report that came back), what the item asks is beside the form.
  const brief = useQuery({
    queryKey: qk.reports.brief(item?.itemType, item?.itemId),
    queryFn: () => reportBrief(item!.itemType, item!.itemId),
    enabled: !!item && can(report.data?.policies, 'update'),
  });
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <FullPageSpin />;
  const { data: r, policies } = report.data;
  const refresh = async () => {
    await reportChanged(qc);
  };
  // This form has no kept photos (no keepOffline): what it sends is the report's fields alone.
  const save = async ({ photos: _photos, ...p }: ReportPayload) => (await updateReport(r.id, { version: r.version, ...p })).data;
  const editable = can(policies, 'update');

  return (
    <Flex vertical gap={16} data-testid="report-page">
      <Card
        title={
          <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
            <Tag>{t(`itemType.${r.itemType}`)}</Tag>
            <Link to={itemPath(r.itemType, r.itemId)} data-testid="report-item-link">
              {r.itemCode} {r.itemTitle}
            </Link>
            <ReportStatusTag status={r.status} />
            {r.late && <Tag color="orange">{t('report.late')}</Tag>}
          </Flex>
        }
        styles={{ header: { paddingBlock: 8 } }}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('report.unit')}>{r.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('report.period')}>{r.period}</Descriptions.Item>
          <Descriptions.Item label={t('report.dueDate')}>{formatDate(r.dueDate) || '—'}</Descriptions.Item>
          {r.item && (
            <Descriptions.Item label={t('report.itemLight')}>
              <LightTag light={r.item.light} reasons={r.item.lightReasons} testId="report-item-light" />
            </Descriptions.Item>
          )}
        </Descriptions>
        {r.claimStatus !== null && r.claimStatus !== 'approved' && r.status !== 'accepted' && (
          <Alert type="info" showIcon title={t(`report.claimNotApproved.${r.claimStatus}`)} data-testid="report-claim-not-approved" style={{ marginTop: 8 }} />
        )}
        {r.status === 'returned' && r.returnReason && <Alert type="warning" showIcon title={t('report.returnedBecause', { reason: r.returnReason })} data-testid="report-return-reason" style={{ marginTop: 8 }} />}
        {['submitted', 'approved', 'reviewed'].includes(r.status) && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t(`report.next.${r.status as 'submitted' | 'approved' | 'reviewed'}`)}
          </Typography.Text>
        )}
        <div style={{ marginTop: 12 }}>
          <ReportActions report={r} policies={policies} onDone={refresh} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('report.readOnly')}>
            {editable ? (
              <ReportForm
                key={r.version}
                itemType={r.itemType}
                initial={{ text: r.text, percent: r.percent === null ? undefined : trimDecimal(r.percent), actual: r.actual === null ? undefined : trimDecimal(r.actual), investment: r.investment ?? undefined, stage: r.stage ?? undefined }}
                initialFiles={r.evidence.map(toUploadFile)}
                onSave={async (p) => {
                  await save(p);
                  await refresh();
                }}
                onSubmit={async (p) => {
                  const saved = await save(p);
                  await stepReport(r.id, 'submit', saved.version);
                  await refresh();
                }}
              />
            ) : (
              <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('report.figure')}>
                  <span data-testid="report-figure">
                    <ReportFigure r={r} />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('report.text')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.text || '—'}</Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('report.evidence')}>{r.evidence.length ? <EvidenceUpload files={r.evidence.map(toUploadFile)} onChange={() => undefined} disabled /> : '—'}</Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {editable && brief.data && (
              <Card size="small" title={t('report.brief.title')}>
                <ReportBriefCard brief={brief.data.data} />
              </Card>
            )}
            <InstructionsCard subjectType="report" subjectId={r.id} />
            <Card size="small" title={t('report.steps')}>
              <ReportSteps steps={r.steps} />
            </Card>
            {r.blockers.length > 0 && (
              <Card size="small" title={t('report.blockers')}>
                <BlockerList blockers={r.blockers} actionable={can(policies, 'review') || can(policies, 'accept')} />
              </Card>
            )}
            {r.item && r.item.lightReasons.length > 0 && (
              <Card size="small" title={t('light.reasons')}>
                <LightReasons reasons={r.item.lightReasons} />
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

