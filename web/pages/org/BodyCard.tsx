import { Card, Flex, Table, Tag, Typography } from 'antd';
import { BODY_KIND_LABELS, BODY_POST_LABELS } from '../../../domain/labels.js';
import type { Body, BodyMember } from '../../api/types.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';

/** Members on a phone: one line each, post first, the unit below. */
function MemberList({ members }: { members: BodyMember[] }) {
  const { t, lang } = useI18n();
  return (
    <Flex vertical>
      {members.length === 0 && <Typography.Text type="secondary">{t('org.noMembers')}</Typography.Text>}
      {members.map((m) => (
        <Flex key={m.id} vertical gap={2} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <span>
            <Tag style={{ marginInlineEnd: 6 }}>{labelOf(BODY_POST_LABELS, m.post, lang)}</Tag>
            {m.title}
          </span>
          {m.unitName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.unitName}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** One coordinating body: its kind, lead unit and members by post (组长, 副组长, 成员 …). */
export function BodyCard({ body }: { body: Body }) {
  const { t, lang } = useI18n();
  const mobile = useIsMobile();
  const members = [...body.members].sort((a, b) => a.sort - b.sort);
  return (
    <Card
      size="small"
      data-testid={`body-${body.code}`}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {body.name} <Tag color="geekblue">{labelOf(BODY_KIND_LABELS, body.kind, lang)}</Tag>
        </span>
      }
    >
      {body.leadUnitName && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('org.leadUnit', { unit: body.leadUnitName })}
        </Typography.Paragraph>
      )}
      {mobile ? (
        <MemberList members={members} />
      ) : (
        <Table<BodyMember>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={members}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('org.noMembers') }}
          columns={[
            { title: t('org.post'), dataIndex: 'post', width: 96, render: (p: BodyMember['post']) => labelOf(BODY_POST_LABELS, p, lang) },
            { title: t('org.memberTitle'), dataIndex: 'title' },
            { title: t('org.memberUnit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
