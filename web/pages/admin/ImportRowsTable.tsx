import { Flex, Table, Tag, Typography } from 'antd';
import type { ImportRow } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { MessageKey } from '../../i18n/translate.js';

const FIELD_LABELS: Record<string, MessageKey> = {
  account: 'user.account',
  displayName: 'user.displayName',
  mobile: 'user.mobile',
  unit: 'user.unit',
  unitId: 'user.unit',
  roles: 'user.roles',
  email: 'user.email',
};

/** The preview of an import: each spreadsheet row with what is wrong with it (nothing is written yet). */
export function ImportRowsTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportRow>
      data-testid="import-preview"
      rowKey="row"
      size="small"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 64 },
        { title: t('user.account'), dataIndex: 'account' },
        { title: t('user.displayName'), dataIndex: 'displayName' },
        { title: t('user.unit'), dataIndex: 'unitName' },
        { title: t('user.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.join('、') },
        { title: t('user.email'), dataIndex: 'email' },
        {
          title: t('import.errors'),
          dataIndex: 'errors',
          render: (errors: ImportRow['errors']) =>
            errors.length === 0 ? (
              <Tag color="green">{t('import.ok')}</Tag>
            ) : (
              <Flex vertical>
                {errors.map((e, i) => (
                  <Typography.Text key={i} type="danger">
                    {e.field ? `${FIELD_LABELS[e.field] ? t(FIELD_LABELS[e.field]!) : e.field}：` : ''}
                    {e.message}
                  </Typography.Text>
                ))}
              </Flex>
            ),
        },
      ]}
    />
  );
}
