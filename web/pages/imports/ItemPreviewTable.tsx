import { useState } from 'react';
import { Button, Flex, Table, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ImportPreviewView, ItemImportRowView } from '../../api/imports.js';
import { useI18n } from '../../i18n/useI18n.js';
import { EditBox, IssuesCell, previewTableProps, RowPlace, UnitMatchCell } from './ImportRowCells.js';

interface Props {
  preview: ImportPreviewView;
  busyLine: number | null;
  onPickUnit: (line: number, text: string, unitId: string) => void;
  onCell: (line: number, cell: string, text: string) => void;
}

/**
 * One value cell: what was read (in the table's words) over what was written when they differ, red
 * when a problem is this cell's, and an in-place edit of the text (the server reads it again).
 */
function ValueCell({ row, cell, busy, onSave }: { row: ItemImportRowView; cell: string; busy: boolean; onSave: (text: string) => void }) {
  const { t } = useI18n();
  const c = row.cells[cell];
  const [editing, setEditing] = useState(false);
  const bad = row.errors.some((e) => e.cell === cell);
  if (editing) return <EditBox initial={c?.text ?? ''} width={110} busy={busy} testId="import-cell" onSave={(text) => (onSave(text), setEditing(false))} />;
  const shown = bad ? null : c?.value;
  return (
    <Flex gap={4} align="center" data-testid={`import-cell-${cell}`}>
      <Flex vertical>
        {shown ? <span>{shown}</span> : <Typography.Text type={bad ? 'danger' : 'secondary'}>{c?.text || '—'}</Typography.Text>}
        {shown && c?.text && c.text !== shown && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.text}
          </Typography.Text>
        )}
      </Flex>
      <Tooltip title={t('taskImport.editValue')}>
        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(true)} aria-label={t('taskImport.editValue')} data-testid="import-cell-edit" />
      </Tooltip>
    </Flex>
  );
}

/** The preview of a 指标表 or 重点项目表: each row's code, name and problems, its unit (fixed from suggestions), area and every value column. */
export function ItemPreviewTable({ preview, busyLine, onPickUnit, onCell }: Props) {
  const { t } = useI18n();
  const rows = preview.items;
  return (
    <Table<ItemImportRowView>
      {...previewTableProps(rows)}
      columns={[
        {
          title: t('taskImport.col.code'),
          key: 'code',
          width: 90,
          render: (_, r) => <RowPlace code={r.code} sourceLine={r.sourceLine} />,
        },
        {
          title: t('taskImport.col.name'),
          key: 'name',
          render: (_, r) => (
            <Flex vertical gap={2} style={{ width: 260, whiteSpace: 'normal' }}>
              <Typography.Text strong data-testid="import-row-title">
                {r.name || '—'}
              </Typography.Text>
              <IssuesCell row={r} />
            </Flex>
          ),
        },
        {
          title: t('taskImport.col.unit'),
          key: 'unit',
          render: (_, r) => (r.unit ? <UnitMatchCell m={r.unit} busy={busyLine === r.line} onPick={(text, id) => onPickUnit(r.line, text, id)} /> : '—'),
        },
        { title: t('taskImport.col.area'), key: 'area', render: (_, r) => r.area?.name ?? r.area?.text ?? '—' },
        ...preview.columns.map((c) => ({
          title: c.label,
          key: c.key,
          render: (_: unknown, r: ItemImportRowView) => <ValueCell key={r.cells[c.key]?.text ?? ''} row={r} cell={c.key} busy={busyLine === r.line} onSave={(text) => onCell(r.line, c.key, text)} />,
        })),
      ]}
    />
  );
}
