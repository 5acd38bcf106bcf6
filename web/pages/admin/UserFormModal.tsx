import { useMemo, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../domain/limits.js';
import { Email, Name } from '../../../domain/schemas/common.js';
import { Account, Mobile } from '../../../domain/schemas/users.js';
import { useBodies, useUnits } from '../../api/hooks.js';
import type { User } from '../../api/types.js';
import { createUser, getUser, updateUser } from '../../api/users.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { useI18n } from '../../i18n/useI18n.js';
import { RoleGrantsField, toGrantInput, toGrantValue, type GrantValue } from './RoleGrantsField.js';
import { qk } from '../../api/queryKeys.js';
import type { z } from 'zod';
import type { UserCreate } from '../../../domain/schemas/users.js';

/** Roles as the grants field holds them (one scope value each). */
type Values = Omit<z.input<typeof UserCreate>, 'roles'> & { roles?: GrantValue[] };

/** Creates a user (then shows the one-time initial password) or edits one, roles and scopes included. */
export function UserFormModal({ user, onClose, onCreated }: { user: User | null; onClose: () => void; onCreated: (account: string, password: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const bodies = useBodies();
  const [record, setRecord] = useState<User | null>(user);
  const initialValues = useMemo<Partial<Values>>(
    () =>
      record
        ? { account: record.account, displayName: record.displayName, mobile: record.mobile, email: record.email, unitId: record.unitId, roles: record.roles.map(toGrantValue) }
        : { roles: [] },
    [record],
  );
  const unitList = units.data?.data ?? [];

  const submit = async (v: Values) => {
    const fields = { displayName: v.displayName.trim(), mobile: v.mobile?.trim() || null, email: v.email?.trim() || null, unitId: v.unitId, roles: (v.roles ?? []).map(toGrantInput) };
    let saved: User;
    if (record) saved = (await updateUser(record.id, { version: record.version, ...fields })).data;
    else {
      const r = await createUser({ account: v.account.trim(), ...fields });
      saved = r.data;
      onCreated(r.data.account, r.initialPassword);
    }
    // 三员分立: admin roles wait for the secadmin; say so rather than let the form look ignored.
    if (saved.pendingRoles && saved.pendingRoles.proposalId !== record?.pendingRoles?.proposalId) void message.info(t('user.pendingSubmitted'));
    await queryClient.invalidateQueries({ queryKey: qk.users.all });
  };
  const reload = async () => {
    if (record) setRecord((await getUser(record.id)).data);
    await queryClient.invalidateQueries({ queryKey: qk.users.all });
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <FormModal<Values>
      title={record ? t('user.edit') : t('user.create')}
      initialValues={initialValues}
      fieldNames={['account', 'displayName', 'mobile', 'email', 'unitId', 'roles']}
      submit={submit}
      reload={reload}
      onClose={onClose}
      testId="user-modal"
      width={640}
    >
      <Form.Item name="account" label={t('user.account')} rules={[required(t('user.account')), schemaRule(Account, t('user.accountRule'))]}>
        <Input maxLength={LIMITS.account} disabled={!!record} data-testid="user-account" autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[required(t('user.displayName')), schemaRule(Name, t('common.tooLong', { max: LIMITS.name }))]}>
        <Input maxLength={LIMITS.name} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item name="mobile" label={t('user.mobile')} rules={[schemaRule(Mobile, t('user.mobileRule'))]}>
        <Input maxLength={11} inputMode="tel" data-testid="user-mobile" />
      </Form.Item>
      <Form.Item name="email" label={t('user.email')} extra={t('user.emailHelp')} rules={[schemaRule(Email, t('user.emailRule'), { label: t('user.email'), lang })]}>
        <Input maxLength={LIMITS.email} inputMode="email" autoComplete="off" data-testid="user-email" />
      </Form.Item>
      <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('common.required', { field: t('user.unit') }) }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          data-testid="user-unit"
          options={unitList.filter((u) => !u.disabled || u.id === record?.unitId).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item label={t('user.roleGrants')} required={false}>
        <RoleGrantsField units={unitList} bodies={bodies.data?.data ?? []} />
      </Form.Item>
    </FormModal>
  );
}
