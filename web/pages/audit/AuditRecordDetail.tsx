import { Col, Descriptions, Row, Typography } from 'antd';
import type { AuditRecord } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** The expanded row: what the record changed (before/after), from where, and its place in the hash chain. */
export function AuditRecordDetail({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  return (
    <div data-testid={`audit-detail-${record.id}`}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('audit.recordId')}>{record.id}</Descriptions.Item>
        <Descriptions.Item label={t('audit.ip')}>{record.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.action')}>
          <Typography.Text code copyable>
            {record.action}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.entity')}>
          {record.entity}
          {record.entityId && (
            <Typography.Text code copyable style={{ marginInlineStart: 8, wordBreak: 'break-all' }} data-testid="audit-detail-entity-id">
              {record.entityId}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {record.actorId && (
          <Descriptions.Item label={t('audit.actorId')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {record.actorId}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {record.session && <Descriptions.Item label={t('audit.session')}>{record.session}</Descriptions.Item>}
        <Descriptions.Item label={t('audit.hash')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {record.hash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.prevHash')}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {record.prevHash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre className="json">{json(record.before)}</pre>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre className="json">{json(record.after)}</pre>
        </Col>
      </Row>
    </div>
  );
}
