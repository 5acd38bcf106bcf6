import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { ApiError, isVersionConflict } from '../api/client.js';
import { useI18n } from '../i18n/useI18n.js';
import { applyFieldErrors } from './formErrors.js';

interface Props<V extends object> {
  title: string;
  /** Values shown in the form; when they change (a reload after a conflict) the form takes them. */
  initialValues: Partial<V>;
  fieldNames: readonly string[];
  /** Saves; throws ApiError on refusal. */
  submit: (values: V) => Promise<void>;
  /** Reloads the record after a version conflict (the parent then passes new initialValues). */
  reload?: () => Promise<void>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
  /** The OK button's test id, where a page holds several forms' buttons apart. */
  okTestId?: string;
  width?: number;
  /** The OK button's words where "保存" would mislead (a workflow step says what it does). */
  okText?: string;
}

/**
 * A modal form: server field errors land on their fields, other errors above the form, and a
 * version conflict reloads the record and says so. Render it only while open.
 */
export function FormModal<V extends object>({ title, initialValues, fieldNames, submit, reload, onClose, children, testId, okTestId = 'modal-ok', width, okText }: Props<V>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; description?: string } | null>(null);

  // Taken again only when their content changes (a reload after a conflict): parents build
  // initialValues anew on every render, and a re-render while the user typed (the pickers' options
  // arriving) used to put the old values back over what they had typed.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const key = JSON.stringify(initialValues);
    if (key === applied.current) return;
    applied.current = key;
    form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, initialValues]);

  const onOk = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submit(values);
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && reload) {
        setError({ title: e.message, description: t('common.reloaded') });
        await reload().catch(() => undefined);
      } else if (!applyFieldErrors(form, e, fieldNames)) {
        setError({ title: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void onOk()}
      confirmLoading={busy}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={width}
      okButtonProps={{ 'data-testid': okTestId } as ButtonProps}
      data-testid={testId}
    >
      {error && <Alert type="error" showIcon title={error.title} description={error.description} style={{ marginBottom: 16 }} data-testid="modal-error" />}
      <Form form={form} layout="vertical" initialValues={initialValues} requiredMark="optional" preserve={false}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
