import { useState } from 'react';
import { Button, Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ImportRowView } from '../../api/imports.js';
import { useI18n } from '../../i18n/useI18n.js';

type Match = ImportRowView['supportUnits'][number];

/**
 * One name of a unit cell: the unit it matched (an abbreviation with its full name on hover), a
 * group word with its count, a vague word greyed out, or — unmatched — in red with a button per
 * suggestion that fixes the row.
 */
export function UnitMatchCell({ m, onPick, busy }: { m: Match; onPick: (text: string, unitId: string) => void; busy: boolean }) {
  const { t } = useI18n();
  if (m.how === 'none') {
    return (
      <Flex vertical gap={4} data-testid="import-unit-unmatched">
        <Tag color="red" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {m.text}
        </Tag>
        {m.suggestions.length === 0 && <Typography.Text type="secondary">{t('taskImport.noSuggestion')}</Typography.Text>}
        {m.suggestions.map((s) => (
          <Button key={s.unitId} size="small" disabled={busy} onClick={() => onPick(m.text, s.unitId)} data-testid="import-suggestion">
            {t('taskImport.useSuggestion', { name: s.name })}
          </Button>
        ))}
      </Flex>
    );
  }
  if (m.how === 'group') {
    return (
      <Tooltip title={m.units.map((u) => u.name).join('、')}>
        <Tag color="blue">{t('taskImport.group', { text: m.text, count: m.units.length })}</Tag>
      </Tooltip>
    );
  }
  if (m.how === 'vague') return <Tag>{m.text}</Tag>;
  const name = m.units[0]?.name ?? m.text;
  return m.how === 'abbreviation' ? (
    <Tooltip title={m.text}>
      <Tag color="gold">{name}</Tag>
    </Tooltip>
  ) : (
    <Tag color="blue">{name}</Tag>
  );
}

/** Where a row is: its code (or numbering as written) and the sheet's row it came from; a task indented by its level. */
export function RowPlace({ code, sourceLine, level = 0 }: { code: string; sourceLine: number; level?: number }) {
  const { t } = useI18n();
  return (
    <Flex vertical style={{ paddingInlineStart: level * 16 }}>
      <Typography.Text strong={level === 0}>{code}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('taskImport.row', { line: sourceLine })}
      </Typography.Text>
    </Flex>
  );
}

/** The preview table's common settings: rows by their line, pages past 200, rows with errors tinted. */
export const previewTableProps = <R extends { line: number; errors: unknown[] }>(rows: readonly R[]) => ({
  'data-testid': 'import-preview',
  rowKey: 'line' as const,
  size: 'small' as const,
  dataSource: [...rows],
  pagination: rows.length > 200 ? { pageSize: 200, showSizeChanger: false } : (false as const),
  scroll: { x: 'max-content' as const },
  onRow: (r: R) => ({ 'data-testid': `import-row-${r.line}`, style: r.errors.length ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>,
});

/** A cell's text edited in place: an input and 保存 (Enter saves too). */
export function EditBox({ initial, width, busy, testId, onSave }: { initial: string; width: number; busy: boolean; testId: string; onSave: (text: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  return (
    <Flex gap={4}>
      <Input size="small" value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => onSave(text)} style={{ width }} data-testid={`${testId}-input`} />
      <Button size="small" type="primary" disabled={busy} onClick={() => onSave(text)} data-testid={`${testId}-save`}>
        {t('taskImport.save')}
      </Button>
    </Flex>
  );
}

/** The deadline as read (a day, a recurrence, ongoing) with its report period, and an in-place edit of the wording. */
export function DeadlineCell({ row, onSave, busy }: { row: ImportRowView; onSave: (text: string) => void; busy: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const shown =
    row.deadlineKind === 'date'
      ? row.deadline
      : row.deadlineKind === 'recurring' && row.recurrence
        ? t(row.recurrence.every === 'month' ? 'taskImport.everyMonth' : 'taskImport.everyQuarter', { day: row.recurrence.day })
        : row.deadlineKind === 'ongoing'
          ? t('taskImport.ongoing')
          : null;
  if (editing) return <EditBox initial={row.deadlineText} width={140} busy={busy} testId="import-deadline" onSave={(text) => (onSave(text), setEditing(false))} />;
  return (
    <Flex vertical gap={2}>
      <Flex gap={4} align="center">
        {shown ? <span>{shown}</span> : <Typography.Text type="danger">{row.deadlineText || '—'}</Typography.Text>}
        <Tooltip title={t('taskImport.editDeadline')}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(true)} aria-label={t('taskImport.editDeadline')} data-testid="import-deadline-edit" />
        </Tooltip>
      </Flex>
      {shown && row.deadlineText && row.deadlineText !== shown && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.deadlineText}</Typography.Text>}
      {row.reportPeriod && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`taskImport.report.${row.reportPeriod}`)}</Typography.Text>}
    </Flex>
  );
}

/** A row's errors in red and warnings in orange, each its own line. */
export function IssuesCell({ row }: { row: Pick<ImportRowView, 'errors' | 'warnings'> }) {
  return (
    <Flex vertical gap={2} style={{ whiteSpace: 'normal' }}>
      {row.errors.map((e, i) => (
        <Typography.Text key={`e${i}`} type="danger" data-testid="import-row-error">
          {e.message}
        </Typography.Text>
      ))}
      {row.warnings.map((w, i) => (
        <Typography.Text key={`w${i}`} type="warning" style={{ fontSize: 12 }}>
          {w.message}
        </Typography.Text>
      ))}
    </Flex>
  );
}
