import { useMemo, useState, type ReactNode } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { LIMITS } from '../../../domain/limits.js';
import { invalidate } from '../../api/queryKeys.js';
import { FormModal } from '../../components/FormModal.js';
import { schemaRule } from '../../components/schemaRule.js';
import { labelOf } from '../../i18n/translate.js';
import { useI18n } from '../../i18n/useI18n.js';
import type { Lang } from '../../../domain/enums.js';

/** What every org record has: the form edits it with its version. */
export interface OrgRecord {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  version: number;
}

/** A create schema of the org resources (domain/schemas/org.ts): its fields are the form's. */
type OrgCreateSchema = z.ZodObject<{ code: z.ZodType; name: z.ZodType; parentId: z.ZodType }>;

export interface OrgFormProps<R extends OrgRecord, S extends OrgCreateSchema> {
  /** Names the texts (`unit.edit`, `unit.create`, `unit.created`) and the test id (`unit-modal`). */
  kind: 'body' | 'region' | 'unit';
  /** The record edited, or null to create one. */
  record: R | null;
  /** Every record of the kind: the parent is one of them (not the record itself). */
  records: R[];
  /** The parent is chosen at creation only (a region stays where it was created). */
  parentOnCreate?: boolean;
  /** The create schema: the form's fields and value type, and the code and name rules. */
  schema: S;
  /** A function of the record alone, defined outside the component: a new one each render would reset the form. */
  initialValues: (record: R | null) => Partial<z.input<S>>;
  save: { create: (v: z.input<S>) => Promise<unknown>; update: (record: R, v: z.input<S>) => Promise<unknown> };
  /** Reads the record again after a version conflict. */
  fetchOne: (id: string) => Promise<R | undefined>;
  /** What a save changes (the resource and what shows its names). */
  invalidates: QueryKey[];
  onClose: () => void;
  /** The kinds a unit or body is of, with their words; `fixed`: not changed once created. */
  kinds?: { label: string; values: readonly string[]; labels: Record<string, Record<Lang, string>>; fixed?: boolean };
  /** The fields between the kind and the parent; get the record the form shows (it is replaced after a conflict). */
  children?: (record: R | null) => ReactNode;
  /** The fields after the parent. */
  after?: (record: R | null) => ReactNode;
}

/**
 * Creates or edits a region, unit or body: code and name checked by the shared schema, the parent
 * among the others of its kind, the other fields the caller's; a version conflict reloads the record, a save refreshes what it changed.
 */
export function OrgFormModal<R extends OrgRecord, S extends OrgCreateSchema>(p: OrgFormProps<R, S>) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [record, setRecord] = useState<R | null>(p.record);
  const { initialValues: valuesOf, schema } = p;
  const initialValues = useMemo(() => valuesOf(record), [valuesOf, record]);

  const submit = async (v: z.input<S>) => {
    if (record) await p.save.update(record, v);
    else {
      await p.save.create(v);
      void message.success(t(`${p.kind}.created`));
    }
    await invalidate(qc, ...p.invalidates);
  };
  const reload = async () => {
    const fresh = record && (await p.fetchOne(record.id));
    if (fresh) setRecord(fresh);
    await invalidate(qc, ...p.invalidates);
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <FormModal<z.input<S>>
      title={t(record ? `${p.kind}.edit` : `${p.kind}.create`)}
      initialValues={initialValues}
      fieldNames={Object.keys(schema.shape)}
      submit={submit}
      reload={reload}
      onClose={p.onClose}
      testId={`${p.kind}-modal`}
    >
      <Form.Item name="code" label={t('common.code')} rules={[required(t('common.code')), schemaRule(schema.shape.code, t('common.codeRule'))]}>
        <Input maxLength={LIMITS.code} />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[required(t('common.name')), schemaRule(schema.shape.name, t('common.tooLong', { max: LIMITS.name }))]}>
        <Input maxLength={LIMITS.name} />
      </Form.Item>
      {p.kinds && (
        <Form.Item name="kind" label={p.kinds.label} rules={[{ required: true, message: t('common.required', { field: p.kinds.label }) }]}>
          <Select disabled={p.kinds.fixed && !!record} options={p.kinds.values.map((k) => ({ value: k, label: labelOf(p.kinds!.labels, k, lang) }))} />
        </Form.Item>
      )}
      {p.children?.(record)}
      {!(p.parentOnCreate && record) && (
        <Form.Item name="parentId" label={t(`${p.kind}.parent`)}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.none')}
            options={p.records.filter((r) => r.id !== record?.id).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
      )}
      {p.after?.(record)}
    </FormModal>
  );
}
