import { useState } from 'react';
import { Button, Flex, Input, Table, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ImportPreviewView, ItemImportRowView } from '../../api/imports.js';
import { useI18n } from '../../i18n/useI18n.js';
import { IssuesCell, UnitMatchCell } from './ImportRowCells.js';

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
  const [text, setText] = useState(c?.text ?? '');
  const bad = row.errors.some((e) => e.cell === cell);
  if (editing) {
    return (
      <Flex gap={4}>
        <Input size="small" value={text} onChange={(e) => setText(e.target.value)} onPressEnter={() => (onSave(text), setEditing(false))} style={{ width: 110 }} data-testid="import-cell-input" />
        <Button size="small" type="primary" disabled={busy} onClick={() => (onSave(text), setEditing(false))} data-testid="import-cell-save">
          {t('taskImport.save')}
        </Button>
      </Flex>
    );
  }
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
      data-testid="import-preview"
      rowKey="line"
      size="small"
      dataSource={rows}
      pagination={rows.length > 200 ? { pageSize: 200, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': `import-row-${r.line}`, style: r.errors.length ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('taskImport.col.code'),
          key: 'code',
          width: 90,
          render: (_, r) => (
            <Flex vertical>
              <Typography.Text strong>{r.code}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('taskImport.row', { line: r.sourceLine })}
              </Typography.Text>
            </Flex>
          ),
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
