import { useState } from 'react';
import { Alert, Button, Flex, Input, Segmented, Select, Tabs, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { commitTaskImport, fixImportRow, previewItemSheet, previewPlanText, previewTaskSheet, type ImportCommitResult, type ImportPreviewView, type ImportRowView, type ItemImportRowView } from '../../api/imports.js';
import { listPlans } from '../../api/planning.js';
import { itemChanged, qk } from '../../api/queryKeys.js';
import { errorMessage } from '../../components/formErrors.js';
import { PageCard } from '../../components/PageCard.js';
import { XlsxPicker } from '../../components/XlsxPicker.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ImportPreviewTable } from './ImportPreviewTable.js';
import { JobProgressBar } from '../../components/JobProgressBar.js';
import { useJobProgress } from '../../components/useJobProgress.js';
import { ItemPreviewTable } from './ItemPreviewTable.js';

const counts = (rows: { errors: unknown[]; warnings: unknown[] }[]) => ({ rows: rows.length, errors: rows.filter((r) => r.errors.length).length, warnings: rows.filter((r) => r.warnings.length).length });

type Kind = 'tasks' | 'targets' | 'projects';
const KINDS: Kind[] = ['tasks', 'targets', 'projects'];
const ITEM: Record<Kind, 'task' | 'target' | 'project'> = { tasks: 'task', targets: 'target', projects: 'project' };
const SEE = { tasks: 'taskImport.seeTasks', targets: 'taskImport.seeTargets', projects: 'taskImport.seeProjects' } as const;

/**
 * 任务导入 (HQ office): what it imports (任务, 指标, 重点项目: `?kind=` in the address), then a
 * 任务分解表 (.xlsx) or a pasted 方案, a 指标表 or a 重点项目表 → the preview the server read (nothing
 * written) → fixes in place (a unit from its suggestions, a deadline or a value written again) → one commit.
 */
export function TaskImportPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ?? '';
  const kind: Kind = KINDS.find((k) => k === params.get('kind')) ?? 'tasks';
  const setParam = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });
  const plans = useQuery({ queryKey: qk.plans.lists, queryFn: () => listPlans() });
  const [source, setSource] = useState<'sheet' | 'text'>('sheet');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | number | null>(null);
  const { bar, run } = useJobProgress();

  const attempt = async (what: 'preview' | 'commit' | number, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(errorMessage(e)));
    } finally {
      setBusy(null);
    }
  };
  const reset = () => (setPreview(null), setResult(null), setError(null), setFile(null));
  const runPreview = () =>
    attempt('preview', async () => {
      if (!planId) throw new Error(t('taskImport.planRequired'));
      const p = await run((jobId, onUpload) =>
        kind !== 'tasks' ? previewItemSheet(kind, planId, file!, { jobId, onUpload }) : source === 'sheet' ? previewTaskSheet(planId, file!, { jobId, onUpload }) : previewPlanText(planId, text, jobId),
      );
      setPreview(p);
    });
  const fix = (line: number, body: Parameters<typeof fixImportRow>[2]) =>
    attempt(line, async () => {
      const row = await fixImportRow<ImportRowView | ItemImportRowView>(preview!.previewId, line, body);
      setPreview((p) => {
        if (!p) return p;
        if ('kind' in row) {
          const items = p.items.map((r) => (r.line === line ? row : r));
          return { ...p, items, counts: counts(items) };
        }
        const rows = p.rows.map((r) => (r.line === line ? row : r));
        return { ...p, rows, counts: counts(rows) };
      });
    });
  const commit = () =>
    attempt('commit', async () => {
      setResult(await run((jobId) => commitTaskImport(preview!.previewId, jobId)));
      await itemChanged(qc, ITEM[kind]);
    });

  const fieldErrors = error instanceof ApiError ? Object.entries(error.fields) : [];
  const ready = source === 'sheet' || kind !== 'tasks' ? !!file : text.trim() !== '';
  const picker = (
    <XlsxPicker
      file={file}
      label={t('taskImport.choose')}
      testId="task-import-choose"
      onPick={(f, tooLarge) => (setFile(f), setPreview(null), setError(tooLarge))}
      onRemove={() => (setFile(null), setPreview(null))}
    />
  );
  return (
    <PageCard title={t('taskImport.title')} testId="task-import-page">
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('taskImport.kind')}</Typography.Text>
        <Segmented<Kind>
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`taskImport.kind.${k}`) }))}
          onChange={(k) => (setParam({ kind: k }), reset())}
          data-testid="task-import-kind"
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t(kind === 'tasks' ? 'taskImport.intro' : `taskImport.intro.${kind}`)}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={fieldErrors.length ? fieldErrors.slice(0, 10).map(([k, v]) => <div key={k}>{`${k}：${v}`}</div>) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="task-import-error"
        />
      )}
      {result ? (
        <Flex vertical gap={12} align="flex-start">
          <Alert type="success" showIcon title={t('taskImport.done', { created: result.created })} data-testid="task-import-done" />
          <Flex gap={8}>
            <Link to={`/${kind}?plan=${result.planId}`} data-testid="task-import-see-tasks">
              <Button type="primary">{t(SEE[kind])}</Button>
            </Link>
            <Button onClick={reset}>{t('taskImport.again')}</Button>
          </Flex>
        </Flex>
      ) : (
        <>
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('taskImport.plan')}</Typography.Text>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t('taskImport.choosePlan')}
                style={{ minWidth: 320 }}
                value={planId || undefined}
                loading={plans.isLoading}
                options={(plans.data?.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.title}` }))}
                onChange={(v: string) => (setParam({ plan: v }), setPreview(null))}
                data-testid="task-import-plan"
              />
            </Flex>
            {kind !== 'tasks' ? (
              picker
            ) : (
              <Tabs
              activeKey={source}
              onChange={(k) => (setSource(k as 'sheet' | 'text'), setPreview(null))}
              items={[
                {
                  key: 'sheet',
                  label: t('taskImport.sheet'),
                  children: picker,
                },
                {
                  key: 'text',
                  label: t('taskImport.text'),
                  children: <Input.TextArea rows={8} value={text} onChange={(e) => (setText(e.target.value), setPreview(null))} placeholder={t('taskImport.textPlaceholder')} data-testid="task-import-text" />,
                },
              ]}
            />
            )}
            <Flex gap={8}>
              <Button disabled={!ready || !planId} loading={busy === 'preview'} onClick={() => void runPreview()} data-testid="task-import-preview">
                {t('taskImport.preview')}
              </Button>
              <Button type="primary" disabled={!preview || preview.counts.errors > 0 || preview.counts.rows === 0} loading={busy === 'commit'} onClick={() => void commit()} data-testid="task-import-commit">
                {t('taskImport.commit')}
              </Button>
            </Flex>
            {bar && <JobProgressBar bar={bar} />}
          </Flex>
          {preview && (
            <>
              <Alert
                type={preview.counts.errors ? 'warning' : 'info'}
                showIcon
                title={t('taskImport.summary', preview.counts)}
                description={preview.counts.errors ? t('taskImport.fixFirst') : t('taskImport.ready')}
                style={{ marginBottom: 12 }}
                data-testid="task-import-summary"
              />
              {preview.preamble.length > 0 && (
                <Alert type="info" title={t('taskImport.preamble')} description={preview.preamble.map((p, i) => <div key={i}>{p}</div>)} style={{ marginBottom: 12 }} />
              )}
              {preview.kind === 'targets_xlsx' || preview.kind === 'projects_xlsx' ? (
                <ItemPreviewTable
                  preview={preview}
                  busyLine={typeof busy === 'number' ? busy : null}
                  onPickUnit={(line, unitText, unitId) => void fix(line, { unitText, unitId })}
                  onCell={(line, cell, text) => void fix(line, { cell, text })}
                />
              ) : (
                <ImportPreviewTable
                  rows={preview.rows}
                  busyLine={typeof busy === 'number' ? busy : null}
                  onPickUnit={(line, unitText, unitId) => void fix(line, { unitText, unitId })}
                  onDeadline={(line, deadlineText) => void fix(line, { deadlineText })}
                />
              )}
            </>
          )}
        </>
      )}
    </PageCard>
  );
}
