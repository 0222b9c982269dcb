import { App, Button, Form, Modal } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ProblemAlert } from './problem-alert';

/**
 * A button that opens a small form in a dialog and sends it. The dialog stays open with the server's
 * refusal when the call fails, and closes (calling `onDone`) when it succeeds.
 */
export function ActionButton<V extends object, R = unknown>({
  label,
  title,
  testId,
  danger,
  type,
  okText,
  successText,
  initialValues,
  fields,
  submit,
  onDone,
}: {
  label: string;
  title?: string;
  testId: string;
  danger?: boolean;
  type?: ButtonProps['type'];
  okText?: string;
  successText?: string;
  initialValues?: Partial<V>;
  /** the form items; given the form so an item can depend on another's value */
  fields: (form: FormInstance<V>) => ReactNode;
  submit: (values: V) => Promise<R>;
  onDone?: (result: R) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function send(): Promise<void> {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSending(true);
    setError(null);
    try {
      const result = await submit(values);
      setOpen(false);
      form.resetFields();
      void message.success(successText ?? t('action.done'));
      onDone?.(result);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <Button
        data-testid={testId}
        danger={danger}
        type={type}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={okText ?? t('action.submit')}
        cancelText={t('action.cancel')}
        confirmLoading={sending}
        okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
        onOk={() => void send()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
          {fields(form)}
        </Form>
        {error !== null && <ProblemAlert error={error} testId={`${testId}-problem`} />}
      </Modal>
    </>
  );
}
