import { Alert, Button, Card, Descriptions, Form, Input, Modal, Result, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { addDays, type FieldError, type IntakeRefusalView } from '@writ/contracts/web';
import { useState } from 'react';
import { api, ApiError, useIdempotencyKey, type RefuseApplicationBody } from '../api/client';
import { useActorLabel } from '../components/actor-label';
import {
  fieldErrorText,
  fieldSegments,
  placeFieldErrors,
  type FormFieldPath,
} from '../components/field-errors';
import { textRules } from '../components/form-rules';
import { ProblemAlert } from '../components/problem-alert';
import { today } from '../format';
import { useT, type MessageKey } from '../i18n';
import { paths } from '../router';

/** 7 days from receiving an application to accept or refuse it (执行工作规定 2020 Art 16). */
const DECISION_DAYS = 7;
const MAX_REASONS = 10;

/** The application as the 立案 form holds it; the dialog adds the reasons. */
export type ApplicationToRefuse = Omit<RefuseApplicationBody, 'reasons'>;

/** The conditions of 受理 (执行工作规定 2020 Art 16) an application most often fails. */
const COMMON_REASONS: readonly MessageKey[] = [
  'refusal.reason.notInForce',
  'refusal.reason.notRightHolder',
  'refusal.reason.unclear',
  'refusal.reason.premature',
  'refusal.reason.noJurisdiction',
];

interface ReasonsForm {
  reasons: string[];
}

/** `reasons[1]` → the second reason's field. */
function reasonPathOf(field: string): FormFieldPath<ReasonsForm> | null {
  const [, index] = fieldSegments(field);
  return typeof index === 'number' ? ['reasons', index] : null;
}

/**
 * 裁定不予受理: asks for the reasons and records the refusal. A refusal of a field of the application
 * itself is handed back to the 立案 form (`onApplicationErrors`) so it shows on that field.
 */
export function RefuseDialog({
  application,
  onClose,
  onRefused,
  onApplicationErrors,
}: {
  application: ApplicationToRefuse;
  onClose: () => void;
  onRefused: (refusal: IntakeRefusalView) => void;
  onApplicationErrors: (fieldErrors: FieldError[]) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ReasonsForm>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keyFor = useIdempotencyKey();
  const dueOn = addDays(application.applicationDate, DECISION_DAYS);
  const late = today() > dueOn;

  function addReason(text: string): void {
    const current = (form.getFieldValue('reasons') as (string | undefined)[] | undefined) ?? [];
    if (current.some((reason) => reason?.trim() === text)) return;
    const blank = current.findIndex((reason) => !reason?.trim());
    const next =
      blank >= 0 ? current.map((reason, index) => (index === blank ? text : reason)) : [...current, text];
    form.setFieldValue('reasons', next.slice(0, MAX_REASONS));
  }

  async function send(): Promise<void> {
    let values: ReasonsForm;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const body: RefuseApplicationBody = { ...application, reasons: values.reasons.map((r) => r.trim()) };
    setSending(true);
    setError(null);
    try {
      onRefused(await api.refuseApplication(body, keyFor(body)));
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fieldErrors = caught.problem.errors ?? [];
        const isReason = (e: FieldError) => fieldSegments(e.field)[0] === 'reasons';
        placeFieldErrors(t, form, fieldErrors.filter(isReason), reasonPathOf);
        onApplicationErrors(fieldErrors.filter((e) => !isReason(e)));
      }
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      title={t('refusal.title')}
      okText={t('refusal.submit')}
      cancelText={t('action.cancel')}
      confirmLoading={sending}
      okButtonProps={{ danger: true, 'data-testid': 'refuse-application-ok' }}
      onOk={() => void send()}
      onCancel={onClose}
      width={640}
    >
      <Alert
        type={late ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          late
            ? t('refusal.overdue', { dueOn })
            : t('refusal.deadline', { applicationDate: application.applicationDate, dueOn })
        }
      />
      <Form<ReasonsForm> form={form} layout="vertical" initialValues={{ reasons: [''] }}>
        <Form.List
          name="reasons"
          rules={[
            {
              validator: (_, list: unknown[] | undefined) =>
                list && list.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('refusal.atLeastOne'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text strong>{t('refusal.reasons')}</Typography.Text>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                  <Typography.Text style={{ lineHeight: '32px' }}>{String(name + 1)}.</Typography.Text>
                  <Form.Item name={name} rules={textRules(t, 2, 500)} style={{ marginBottom: 0, width: 500 }}>
                    <Input.TextArea
                      data-testid={`refusal-reason-${String(name)}`}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    disabled={fields.length <= 1}
                    onClick={() => {
                      remove(name);
                    }}
                  >
                    {t('register.remove')}
                  </Button>
                </Space>
              ))}
              <Form.Item style={{ marginTop: 8 }}>
                <Button
                  type="dashed"
                  disabled={fields.length >= MAX_REASONS}
                  onClick={() => {
                    add('');
                  }}
                  data-testid="refusal-reason-add"
                >
                  {t('refusal.addReason')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Form.Item>
            </>
          )}
        </Form.List>
        <Typography.Text type="secondary">{t('refusal.commonReasons')}</Typography.Text>
        <div style={{ marginTop: 4 }}>
          {COMMON_REASONS.map((key) => (
            <Tag.CheckableTag
              key={key}
              checked={false}
              onChange={() => {
                addReason(t(key));
              }}
              data-testid={`common-${key}`}
              style={{ border: '1px dashed #d9d9d9', marginBottom: 4 }}
            >
              + {t(key)}
            </Tag.CheckableTag>
          ))}
        </div>
      </Form>
      {error !== null && (
        <div style={{ marginTop: 16 }}>
          <ProblemAlert
            error={error}
            title={t('refusal.failed')}
            hideDetail={error instanceof ApiError && (error.problem.errors ?? []).length > 0}
            describe={(fieldError) => (
              <>
                <Typography.Text code>{fieldError.field}</Typography.Text> {fieldErrorText(t, fieldError)}
              </>
            )}
            testId="refusal-problem"
          />
        </div>
      )}
    </Modal>
  );
}

/** The refusal as recorded: its reasons, when it was decided and whether within the 7 days. */
export function RefusalResult({
  refusal,
  onNewApplication,
}: {
  refusal: IntakeRefusalView;
  onNewApplication: () => void;
}) {
  const t = useT();
  const actorLabel = useActorLabel();
  const items: DescriptionsProps['items'] = [
    { key: 'applicants', label: t('refusal.applicants'), children: refusal.applicantNames.join('、') },
    { key: 'applicationDate', label: t('refusal.applicationDate'), children: refusal.applicationDate },
    {
      key: 'decidedOn',
      label: t('refusal.decidedOn'),
      children: <span data-testid="refusal-decided-on">{refusal.decidedOn}</span>,
    },
    { key: 'decidedBy', label: t('refusal.decidedBy'), children: actorLabel(refusal.decidedBy) },
    {
      key: 'deadline',
      label: t('refusal.deadlineKept'),
      children: (
        <Tag
          color={refusal.withinDeadline ? 'success' : 'error'}
          data-testid="refusal-deadline"
          data-within={String(refusal.withinDeadline)}
        >
          {t(refusal.withinDeadline ? 'refusal.withinDeadline' : 'refusal.late')}
        </Tag>
      ),
    },
    {
      key: 'reasons',
      label: t('refusal.reasons'),
      children: (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {refusal.reasons.map((reason, index) => (
            <li key={index} data-testid="refusal-reason">
              {reason}
            </li>
          ))}
        </ol>
      ),
    },
  ];
  return (
    <Card data-testid="refusal-result">
      <Result
        status="warning"
        title={t('refusal.done')}
        subTitle={t('refusal.noCaseNumber')}
        extra={[
          <Button key="new" type="primary" onClick={onNewApplication} data-testid="refusal-new-application">
            {t('refusal.newApplication')}
          </Button>,
          <Button key="list" href={paths.cases}>
            {t('app.backToList')}
          </Button>,
        ]}
      />
      <Descriptions
        bordered
        column={1}
        size="small"
        items={items}
        style={{ maxWidth: 800, margin: '0 auto' }}
      />
    </Card>
  );
}
