import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Popconfirm, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { BODY_POSTS, type BodyPost } from '../../../domain/enums.js';
import { BODY_POST_LABELS } from '../../../domain/labels.js';
import { LIMITS } from '../../../domain/limits.js';
import { useUnits } from '../../api/hooks.js';
import { addBodyMember, removeBodyMember } from '../../api/org.js';
import type { Body, BodyMember } from '../../api/types.js';
import { applyFieldErrors, errorMessage } from '../../components/formErrors.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';
import { qk } from '../../api/queryKeys.js';
import type { z } from 'zod';
import type { BodyMemberCreate } from '../../../domain/schemas/org.js';

type MemberValues = Omit<z.input<typeof BodyMemberCreate>, 'userId' | 'sort'>;

/** The members of one body: list, add (post, position title, unit), remove. */
export function BodyMembersDrawer({ body, editable, mobile, onClose }: { body: Body; editable: boolean; mobile: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<MemberValues>();
  const [busy, setBusy] = useState(false);
  const members = [...body.members].sort((a, b) => a.sort - b.sort);

  const add = async (v: MemberValues) => {
    setBusy(true);
    try {
      await addBodyMember(body.id, { post: v.post, title: v.title.trim(), unitId: v.unitId ?? null, sort: members.length });
      void message.success(t('body.memberAdded'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: qk.bodies.all });
    } catch (e) {
      if (!applyFieldErrors(form, e, ['post', 'title', 'unitId'])) void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (m: BodyMember) => {
    try {
      await removeBodyMember(body.id, m.id);
      void message.success(t('body.memberRemoved'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
    await queryClient.invalidateQueries({ queryKey: qk.bodies.all });
  };

  return (
    <Drawer open title={t('body.membersOf', { name: body.name })} onClose={onClose} size={mobile ? '100%' : 640} data-testid="body-members">
      <Table<BodyMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members}
        scroll={{ x: 520 }}
        locale={{ emptyText: t('org.noMembers') }}
        columns={[
          { title: t('org.post'), dataIndex: 'post', width: 80, render: (p: BodyPost) => labelOf(BODY_POST_LABELS, p, lang) },
          { title: t('org.memberTitle'), dataIndex: 'title' },
          { title: t('org.memberUnit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 72,
                  render: (_: unknown, m: BodyMember) => (
                    <Popconfirm title={t('body.removeMemberConfirm', { title: m.title })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => remove(m)}>
                      <Button type="link" size="small" danger>
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginTop: 24 }} initialValues={{ post: 'member' }}>
          <Flex wrap gap={8} align="flex-end">
            <Form.Item name="post" label={t('org.post')} rules={[{ required: true }]} style={{ flex: '1 1 120px', marginBottom: 8 }}>
              <Select options={BODY_POSTS.map((p) => ({ value: p, label: labelOf(BODY_POST_LABELS, p, lang) }))} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('org.memberTitle')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('org.memberTitle') }) }]}
              style={{ flex: '2 1 180px', marginBottom: 8 }}
            >
              <Input maxLength={LIMITS.name} placeholder={t('body.memberTitlePlaceholder')} />
            </Form.Item>
            <Form.Item name="unitId" label={t('org.memberUnit')} style={{ flex: '2 1 180px', marginBottom: 8 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(units.data?.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} style={{ marginBottom: 8 }}>
              {t('body.addMember')}
            </Button>
          </Flex>
        </Form>
      )}
    </Drawer>
  );
}
