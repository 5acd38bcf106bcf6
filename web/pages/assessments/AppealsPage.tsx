import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Popconfirm, Radio, Tag, type ButtonProps } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { decideAppeal, listAppeals, republishAppeal, type Appeal } from '../../api/assessments.js';
import { ApiError } from '../../api/client.js';
import { evidenceUrl } from '../../api/reporting.js';
import { invalidate, qk } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 申诉佐证: the file the unit filed its appeal with, opened in a new tab. */
function EvidenceLink({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  return (
    <a href={evidenceUrl(sha256)} target="_blank" rel="noreferrer" data-testid="appeal-evidence-link">
      <PaperClipOutlined /> {t('assessment.appealEvidence')}
    </a>
  );
}

function DecideModal({ appeal, onClose }: { appeal: Appeal; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const submit = async (v: { decision: 'upheld' | 'rejected'; reply: string }) => {
    await decideAppeal(appeal.id, { ...v, version: appeal.version });
    await invalidate(qc, qk.assessments.all);
  };
  return (
    <FormModal title={`${t('assessment.decide')}：${appeal.unitName}`} initialValues={{ decision: 'rejected' }} fieldNames={['decision', 'reply']} submit={submit} onClose={onClose} testId="decide-form" okText={t('assessment.decide')}>
      <p>{appeal.reason}</p>
      {appeal.evidenceSha256 && <EvidenceLink sha256={appeal.evidenceSha256} />}
      <Form.Item name="decision" label={t('assessment.decision')}>
        <Radio.Group options={(['upheld', 'rejected'] as const).map((d) => ({ value: d, label: t(`assessment.appealStatus.${d}`) }))} />
      </Form.Item>
      <Form.Item name="reply" label={t('assessment.reply')} rules={[{ required: true, message: t('common.required', { field: t('assessment.reply') }) }]}>
        <Input.TextArea rows={3} data-testid="decide-reply" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 重新计算并发布 from an upheld appeal, once the assessor has corrected what it contests (a 领导评价,
 * an approved 加分); then the new revision opens. Once republished, the appeal links to it.
 */
function RepublishAction({ appeal }: { appeal: Appeal }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  if (appeal.republishedResultId)
    return (
      <Link to={`/assessments/results/${appeal.republishedResultId}`} data-testid="appeal-republished">
        {t('assessment.republished')}
      </Link>
    );
  const republish = async () => {
    setBusy(true);
    try {
      const { data } = await republishAppeal(appeal.id, { version: appeal.version });
      await invalidate(qc, qk.assessments.all);
      void navigate(`/assessments/results/${data.republishedResultId}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('assessment.republishConfirm', { period: appeal.period })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void republish()} okButtonProps={{ 'data-testid': 'republish-ok' } as ButtonProps}>
      <Button size="small" type="primary" loading={busy} data-testid="appeal-republish">
        {t('assessment.republish')}
      </Button>
    </Popconfirm>
  );
}

/** 考核申诉: the assessor's queue; an upheld appeal is followed by a recomputation and republication. */
export function AppealsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: qk.assessments.list({ appeals: true }), queryFn: () => listAppeals() });
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <PageCard title={t('menu.assessmentAppeals')} testId="appeals-page">
      <ResponsiveTable<Appeal>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('assessment.unit'), key: 'unit', render: (_, a) => <Link to={`/assessments/results/${a.resultId}/units/${a.unitId}`}>{a.unitName}</Link> },
          { title: t('assessment.schemes'), key: 'scheme', render: (_, a) => `${a.schemeName} · ${a.period}` },
          { title: t('assessment.indicators'), key: 'indicator', render: (_, a) => (a.indicator ? t(`assessment.indicator.${a.indicator}`) : '') },
          {
            title: t('assessment.appealReason'),
            key: 'reason',
            render: (_, a) => (
              <span style={{ whiteSpace: 'normal' }}>
                {a.reason}
                {a.evidenceSha256 && (
                  <>
                    <br />
                    <EvidenceLink sha256={a.evidenceSha256} />
                  </>
                )}
              </span>
            ),
          },
          { title: t('assessment.filedAt'), key: 'filed', render: (_, a) => formatDateTime(a.filedAt) },
          { title: t('assessment.decision'), key: 'status', render: (_, a) => <Tag color={a.status === 'open' ? 'gold' : 'default'} data-testid="appeal-status">{t(`assessment.appealStatus.${a.status}`)}</Tag> },
          { title: t('assessment.reply'), key: 'reply', render: (_, a) => a.reply ?? '' },
          {
            title: '',
            key: 'act',
            render: (_, a) =>
              a.status === 'open' ? (
                <Button size="small" onClick={() => setDeciding(a)} data-testid="appeal-decide">
                  {t('assessment.decide')}
                </Button>
              ) : (
                a.status === 'upheld' && <RepublishAction appeal={a} />
              ),
          },
        ]}
      />
      {deciding && <DecideModal appeal={deciding} onClose={() => setDeciding(null)} />}
    </PageCard>
  );
}
