import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PROMISE_STATES, type PromiseState } from '../../../domain/promises.js';
import { breakPromise, keepPromise, listPromises, promisesXlsxUrl, type PromiseRecord } from '../../api/promises.js';
import { qk } from '../../api/queryKeys.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EvidenceUpload, evidenceRefs, toUploadFile, type EvidenceFile } from '../reports/EvidenceUpload.js';
import { PromiseStateTag } from './PromiseStateTag.js';
import { PromiseSummaryTags } from './PromiseSummaryCard.js';
import { DownloadButton } from '../../components/DownloadButton.js';

const RED: readonly PromiseState[] = ['overdue', 'broken'];
/** One object for every render: FormModal puts its initial values back whenever they change. */
const NONE = {};

/** 履约践诺台账: every promise the reader may see, overdue and broken ones red; kept by the unit, found broken by oversight; exported as .xlsx. */
export function PromiseLedgerPage() {
  const { t } = useI18n();
  const [state, setState] = useState<PromiseState | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<{ p: PromiseRecord; step: 'keep' | 'break' } | null>(null);
  const filter = { state, page, perPage: 20 };
  const q = useQuery({ queryKey: qk.promises.list(filter), queryFn: () => listPromises(filter) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const policies = q.data?.policies ?? {};
  const reload = async () => void (await q.refetch());

  return (
    <Card
      title={t('menu.promises')}
      data-testid="promise-ledger"
      extra={
        <DownloadButton href={promisesXlsxUrl(filter)} testId="promise-export">
          {t('promise.export')}
        </DownloadButton>
      }
    >
      <Flex vertical gap={12}>
        <PromiseSummaryTags />
        <Segmented<string>
          value={state ?? 'all'}
          onChange={(v) => (setState(v === 'all' ? undefined : (v as PromiseState)), setPage(1))}
          options={[{ value: 'all', label: t('promise.all') }, ...PROMISE_STATES.map((s) => ({ value: s, label: t(`promise.state.${s}`) }))]}
          data-testid="promise-filter"
        />
        <Table<PromiseRecord>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.data ?? []}
          pagination={{ current: page, pageSize: 20, total: q.data?.page?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(p) => ({ 'data-testid': 'promise-row', 'data-state': p.state, style: RED.includes(p.state) ? { background: '#fff1f0' } : {} }) as never}
          columns={[
            { title: t('promise.enterprise'), dataIndex: 'enterprise', width: 180 },
            { title: t('promise.content'), dataIndex: 'content' },
            { title: t('promise.unit'), dataIndex: 'unitName', width: 160 },
            { title: t('promise.deadline'), dataIndex: 'deadline', width: 110, render: (v: string, p) => <Typography.Text type={p.state === 'overdue' ? 'danger' : undefined}>{v}</Typography.Text> },
            { title: t('promise.state'), dataIndex: 'state', width: 110, render: (s: PromiseState) => <PromiseStateTag state={s} /> },
            { title: t('promise.outcome'), key: 'outcome', render: (_: unknown, p) => p.keptNote ?? p.brokenReason ?? '' },
            {
              title: '',
              key: 'act',
              width: 120,
              render: (_: unknown, p) =>
                p.status === 'pending' && (
                  <Flex gap={4}>
                    {can(policies, 'keep') && (
                      <Button size="small" onClick={() => setActing({ p, step: 'keep' })} data-testid="promise-keep">
                        {t('promise.keep')}
                      </Button>
                    )}
                    {can(policies, 'break') && (
                      <Button size="small" danger onClick={() => setActing({ p, step: 'break' })} data-testid="promise-break">
                        {t('promise.break')}
                      </Button>
                    )}
                  </Flex>
                ),
            },
          ]}
        />
      </Flex>
      {acting && <PromiseStepModal p={acting.p} step={acting.step} reload={reload} onClose={() => setActing(null)} />}
    </Card>
  );
}

function PromiseStepModal({ p, step, reload, onClose }: { p: PromiseRecord; step: 'keep' | 'break'; reload: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [files, setFiles] = useState<EvidenceFile[]>(() => p.evidence.map(toUploadFile));
  const label = t(step === 'keep' ? 'promise.keepNote' : 'promise.breakReason');
  return (
    <FormModal<{ words: string }>
      title={t(step === 'keep' ? 'promise.keep' : 'promise.break')}
      okText={t(step === 'keep' ? 'promise.keep' : 'promise.break')}
      testId={`promise-${step}-modal`}
      okTestId={`promise-${step}-ok`}
      fieldNames={['note', 'reason', 'evidence']}
      initialValues={NONE}
      reload={reload}
      onClose={onClose}
      submit={async (v) => {
        if (step === 'keep') await keepPromise(p.id, p.version, { note: v.words, evidence: evidenceRefs(files) });
        else await breakPromise(p.id, p.version, { reason: v.words });
        await reload();
        await qc.invalidateQueries({ queryKey: qk.promises.summary() });
      }}
    >
      <Typography.Paragraph>
        <Tag>{p.enterprise}</Tag>
        {p.content}（{t('promise.deadline')}：{p.deadline}）
      </Typography.Paragraph>
      <Form.Item name="words" label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid={`promise-${step}-words`} />
      </Form.Item>
      {step === 'keep' && (
        <Form.Item label={t('request.evidence')}>
          <EvidenceUpload files={files} onChange={setFiles} />
        </Form.Item>
      )}
    </FormModal>
  );
}
