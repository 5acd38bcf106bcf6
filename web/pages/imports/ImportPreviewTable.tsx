import { Flex, Table, Tag, Typography } from 'antd';
import type { ImportRowView } from '../../api/imports.js';
import { useI18n } from '../../i18n/useI18n.js';
import { DeadlineCell, IssuesCell, previewTableProps, RowPlace, UnitMatchCell } from './ImportRowCells.js';

interface Props {
  rows: ImportRowView[];
  busyLine: number | null;
  onPickUnit: (line: number, text: string, unitId: string) => void;
  onDeadline: (line: number, text: string) => void;
}

/** The preview: every row as read, indented by its level, with what is wrong in red and what is doubtful in orange under its title. */
export function ImportPreviewTable({ rows, busyLine, onPickUnit, onDeadline }: Props) {
  const { t } = useI18n();
  return (
    <Table<ImportRowView>
      {...previewTableProps(rows)}
      columns={[
        {
          title: t('taskImport.col.code'),
          key: 'code',
          width: 110,
          render: (_, r) => <RowPlace code={r.label || r.code} sourceLine={r.sourceLine} level={r.level} />,
        },
        {
          title: t('taskImport.col.title'),
          key: 'title',
          render: (_, r) => (
            <Flex vertical gap={2} style={{ paddingInlineStart: r.level * 16, width: 300, whiteSpace: 'normal' }}>
              <Typography.Text strong={r.level === 0} data-testid="import-row-title">
                {r.title || '—'}
              </Typography.Text>
              {r.description && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.description}
                </Typography.Text>
              )}
              {r.unplaced.map((u, i) => (
                <Tag key={i} color="orange" style={{ whiteSpace: 'normal', width: 'fit-content' }} data-testid="import-unplaced">
                  {t('taskImport.unplaced', { text: u })}
                </Tag>
              ))}
              <IssuesCell row={r} />
            </Flex>
          ),
        },
        {
          title: t('taskImport.col.lead'),
          key: 'lead',
          render: (_, r) => (r.leadUnit ? <UnitMatchCell m={r.leadUnit} busy={busyLine === r.line} onPick={(text, id) => onPickUnit(r.line, text, id)} /> : '—'),
        },
        {
          title: t('taskImport.col.support'),
          key: 'support',
          render: (_, r) => (
            <Flex wrap gap={4} style={{ maxWidth: 200 }}>
              {r.supportUnits.length === 0 && '—'}
              {r.supportUnits.map((m) => (
                <UnitMatchCell key={m.text} m={m} busy={busyLine === r.line} onPick={(text, id) => onPickUnit(r.line, text, id)} />
              ))}
            </Flex>
          ),
        },
        { title: t('taskImport.col.deadline'), key: 'deadline', render: (_, r) => <DeadlineCell key={r.deadlineText} row={r} busy={busyLine === r.line} onSave={(text) => onDeadline(r.line, text)} /> },
      ]}
    />
  );
}
