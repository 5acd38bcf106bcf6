import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { fileAppeal, getBreakdown, type Breakdown } from '../../api/assessments.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { formatDate } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, evidenceRefs, type EvidenceFile } from '../reports/EvidenceUpload.js';
import { GradeTag, HonourTag } from './labels.js';

type Fact = Breakdown['indicators'][number]['facts'][number];

function AppealModal({ b, onClose, onFiled }: { b: Breakdown; onClose: () => void; onFiled: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  // 申诉佐证: one file (the appeal keeps one), uploaded as soon as it is picked, as a report's are.
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const submit = async (v: { reason: string; indicator?: Breakdown['indicators'][number]['kind'] | null }) => {
    await fileAppeal(b.resultId, { reason: v.reason, indicator: v.indicator ?? null, evidenceSha256: evidenceRefs(files)[0]?.sha256 ?? null });
    await invalidate(qc, qk.assessments.all);
    onFiled();
  };
  return (
    <FormModal title={t('assessment.appeal')} initialValues={{}} fieldNames={['reason', 'indicator']} submit={submit} onClose={onClose} testId="appeal-form" okText={t('assessment.appeal')}>
      <Form.Item name="indicator" label={t('assessment.appealIndicator')}>
        <Select allowClear options={b.indicators.map((i) => ({ value: i.kind, label: t(`assessment.indicator.${i.kind}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('assessment.appealReason')} rules={[{ required: true, message: t('common.required', { field: t('assessment.appealReason') }) }]}>
        <Input.TextArea rows={4} data-testid="appeal-reason" />
      </Form.Item>
      <Form.Item label={t('assessment.appealEvidence')}>
        <div data-testid="appeal-evidence">
          <EvidenceUpload files={files} onChange={(f) => setFiles(f.slice(-1))} />
        </div>
      </Form.Item>
    </FormModal>
  );
}

/** A unit's breakdown: total → indicators → the facts (late by how many workdays), rank and the gap to the unit above; 申诉. */
export function BreakdownPage() {
  const { t } = useI18n();
  const { id = '', unitId = '' } = useParams();
  const q = useQuery({ queryKey: qk.assessments.detail(`breakdown-${id}-${unitId}`), queryFn: () => getBreakdown(id, unitId) });
  const [appealing, setAppealing] = useState(false);
  const [filed, setFiled] = useState(false);
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const b = q.data?.data;
  const factColumns = [
    { title: t('assessment.facts'), key: 'title', render: (_: unknown, f: Fact) => `${f.title}${f.detail ? `（${f.detail}）` : ''}` },
    { title: t('assessment.fact.due'), key: 'due', render: (_: unknown, f: Fact) => (f.due ? formatDate(f.due) : (f.expected ?? '')) },
    { title: t('assessment.fact.done'), key: 'done', render: (_: unknown, f: Fact) => (f.due ? (f.doneOn ? formatDate(f.doneOn) : '—') : (f.actual ?? '—')) },
    {
      title: '',
      key: 'outcome',
      render: (_: unknown, f: Fact) => (
        <Space>
          <Tag color={['on_time', 'reached', 'nothing_expected'].includes(f.outcome) ? 'green' : 'red'}>{t(`assessment.outcome.${f.outcome}` as 'assessment.outcome.late')}</Tag>
          {f.lateWorkdays > 0 && <span data-testid="fact-late">{t('assessment.fact.late', { n: f.lateWorkdays })}</span>}
        </Space>
      ),
    },
  ];
  return (
    <PageCard
      title={b ? `${b.unitName} · ${b.schemeName} · ${b.period}` : t('assessment.breakdown')}
      testId="breakdown-page"
      extra={
        b && can(q.data?.policies, 'appeal') && (
          <Button type="primary" onClick={() => setAppealing(true)} data-testid="appeal-open">
            {t('assessment.appeal')}
          </Button>
        )
      }
    >
      {b && (
        <>
          {filed && <Alert type="success" showIcon message={t('assessment.appealFiled')} style={{ marginBottom: 12 }} data-testid="appeal-filed" />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('assessment.total')}>
              <strong data-testid="breakdown-total">{b.total}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.rank')}>{b.rank ? t('assessment.rankOf', { rank: b.rank, ranked: b.ranked }) : t('assessment.unranked')}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.grade')}>
              <GradeTag grade={b.grade} /> <HonourTag honour={b.honour} />
            </Descriptions.Item>
            <Descriptions.Item label={`${t('assessment.bonus')} / ${t('assessment.deduction')}`}>
              +{b.bonus} / −{b.deduction}
            </Descriptions.Item>
            {b.appealDeadline && <Descriptions.Item label={t('assessment.appeal')}>{t('assessment.appealUntil', { date: formatDate(b.appealDeadline) })}</Descriptions.Item>}
          </Descriptions>
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            data-testid="breakdown-above"
            message={b.above ? t('assessment.above', { unit: b.above.unitName, gap: b.above.total }) : t('assessment.aboveNone')}
            description={
              b.above && (
                <Space wrap>
                  {b.above.indicators
                    .filter((i) => i.gap !== '0.00')
                    .map((i) => (
                      <Tag key={i.kind} color={i.gap.startsWith('-') ? 'green' : 'orange'}>
                        {t(`assessment.indicator.${i.kind}`)} {i.gap.startsWith('-') ? `+${i.gap.slice(1)}` : `−${i.gap}`}
                      </Tag>
                    ))}
                </Space>
              )
            }
          />
          {b.indicators.map((i) => (
            <Card
              key={i.kind}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="breakdown-indicator"
              title={`${t(`assessment.indicator.${i.kind}`)}：${i.points} / ${i.weight}`}
              extra={<Typography.Text type="secondary">{t(`assessment.rule.${i.rule}`, { counted: i.counted })}</Typography.Text>}
            >
              {i.facts.length > 0 && <Table<Fact> rowKey={(f) => `${f.ref}-${f.detail}`} size="small" pagination={false} dataSource={i.facts} columns={factColumns} scroll={{ x: 'max-content' }} />}
            </Card>
          ))}
          {b.adjustments.length > 0 && (
            <Card size="small" title={`${t('assessment.bonus')} / ${t('assessment.deduction')}`}>
              {b.adjustments.map((a) => (
                <div key={a.ref}>
                  {a.points.startsWith('-') ? a.points : `+${a.points}`} {a.reason}
                </div>
              ))}
            </Card>
          )}
          {appealing && (
<AppealModal b={b} onClose={() => setAppealing(false)} onFiled={() => setFiled(true)} />
          )}
        </>
      )}
    </PageCard>
  );
}
