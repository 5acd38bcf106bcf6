import { Button, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '../../../domain/enums.js';
import { ROLE_LABELS } from '../../../domain/labels.js';
import type { RoleGrantInput } from '../../../domain/schemas/users.js';
import type { Body, Unit } from '../../api/types.js';
import { useI18n } from '../../i18n/useI18n.js';
import { labelOf } from '../../i18n/translate.js';

/** A role grant as the form holds it: the scope is one value, `unit:<id>` or `body:<id>`. */
export interface GrantValue {
  role: Role;
  scope?: string | null;
}

export const toGrantValue = (g: { role: Role; unitId: string | null; bodyId: string | null }): GrantValue => ({
  role: g.role,
  scope: g.bodyId ? `body:${g.bodyId}` : g.unitId ? `unit:${g.unitId}` : null,
});

export function toGrantInput(g: GrantValue): RoleGrantInput {
  const [kind, id] = (g.scope ?? '').split(':');
  return { role: g.role, unitId: kind === 'unit' ? (id ?? null) : null, bodyId: kind === 'body' ? (id ?? null) : null };
}

/** The roles of a user, each with an optional scope: a unit or a coordinating body. */
export function RoleGrantsField({ units, bodies }: { units: Unit[]; bodies: Body[] }) {
  const { t, lang } = useI18n();
  const scopeOptions = [
    { label: t('org.bodies'), options: bodies.map((b) => ({ value: `body:${b.id}`, label: b.name })) },
    { label: t('org.units'), options: units.filter((u) => !u.disabled).map((u) => ({ value: `unit:${u.id}`, label: u.name })) },
  ];
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8} data-testid="role-grants">
          {fields.map((field) => (
            <Flex key={field.key} gap={8} wrap align="flex-start">
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('common.required', { field: t('user.role') }) }]} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('user.role')} options={ROLES.map((r) => ({ value: r, label: labelOf(ROLE_LABELS, r, lang) }))} />
              </Form.Item>
              <Form.Item name={[field.name, 'scope']} style={{ flex: '2 1 180px', marginBottom: 0 }}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={`${t('user.scopeUnit')} / ${t('user.scopeBody')}`} options={scopeOptions} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: undefined, scope: null })} data-testid="role-add">
            {t('user.addRole')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
