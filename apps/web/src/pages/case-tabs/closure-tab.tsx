import { App, Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import {
  CaseStatus,
  ClosureType,
  PerformanceMode,
  type ChecklistItemView,
  type ClosureView,
  type FieldError,
  type TerminationChecklistView,
} from '@writ/contracts/web';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useRemote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { useActorLabel } from '../../components/actor-label';
import { textRules } from '../../components/form-rules';
import { optionWithTestId } from '../../components/option-test-id';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { useT, type MessageKey, type Translate } from '../../i18n';
import type { CaseTabProps } from './case-tab-props';

/** The 终本 conditions the server checks, by code; a code the UI does not know shows the server's label. */
const CHECKLIST_CODES = [
  'NOTICE_AND_REPORT_ORDER',
  'REPORT_DUTY_ENFORCED',
  'CONSUMPTION_RESTRICTED',
  'DISHONEST_WHERE_ELIGIBLE',
  'SEARCH_EXHAUSTED',
  'OVER_THREE_MONTHS',
  'MISSING_DEBTOR_SEARCHED',
  'APPLICANT_INTERVIEWED',
] as const;
export type ChecklistCode = (typeof CHECKLIST_CODES)[number];

function checklistLabel(t: Translate, code: string, fallback: string): string {
  return (CHECKLIST_CODES as readonly string[]).includes(code)
    ? t(`checklist.${code as ChecklistCode}`)
    : fallback;
}

/** 结案: the 终本 checklist as ticks and crosses, the closure form, or the closure once made. */
export function ClosureTab({ caseId, detail, version, onChanged }: CaseTabProps) {
  const t = useT();
  const can = useCan();
  const remote = useRemote(
    (signal) => Promise.all([api.getChecklist(caseId, signal), api.getTimeline(caseId, signal)]),
    [caseId, version],
  );
  return (
    <RemoteView remote={remote} failedTitle={t('closure.loadFailed')}>
      {([checklist, timeline]) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {timeline.closure && <ClosureFacts closure={timeline.closure} />}
          {/* once closed otherwise than by 终本 the checklist no longer speaks to the case */}
          {(!timeline.closure || timeline.closure.closureType === ClosureType.TerminatedThisRound) && (
            <Checklist checklist={checklist} />
          )}
          {detail.status !== CaseStatus.Closed && can('close') && (
            <CloseForm
              caseId={caseId}
              checklist={checklist}
              onChanged={onChanged}
              onRefused={remote.reload}
            />
          )}
        </Space>
      )}
    </RemoteView>
  );
}

function ClosureFacts({ closure }: { closure: ClosureView }) {
  const t = useT();
  const actorLabel = useActorLabel();
  const items: DescriptionsProps['items'] = [
    {
      key: 'type',
      label: t('closure.closureType'),
      children: closure.closureType ? t(`closureType.${closure.closureType}`) : '—',
    },
    ...(closure.performanceMode
      ? [
          {
            key: 'mode',
            label: t('closure.performanceMode'),
            children: t(`performanceMode.${closure.performanceMode}`),
          },
        ]
      : []),
    { key: 'on', label: t('closure.closedOn'), children: closure.closedOn },
    { key: 'by', label: t('closure.closedBy'), children: actorLabel(closure.closedBy) },
    {
      key: 'within',
      label: t('closure.withinPeriod'),
      children: (
        <Tag color={closure.withinPeriod ? 'success' : 'error'}>
          {t(closure.withinPeriod ? 'closure.yes' : 'closure.no')}
        </Tag>
      ),
    },
    { key: 'reason', label: t('form.reason'), children: closure.reason, span: 3 },
  ];
  return (
    <Card title={t('closure.closed')} size="small" data-testid="closure-facts">
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} items={items} />
    </Card>
  );
}

function Checklist({ checklist }: { checklist: TerminationChecklistView }) {
  const t = useT();
  const unmet = checklist.items.filter((item) => !item.met).length;
  return (
    <Card
      title={t('closure.checklist')}
      size="small"
      data-testid="termination-checklist"
      extra={
        <span data-testid="checklist-summary" data-all-met={String(checklist.allMet)}>
          {checklist.allMet ? (
            <Tag color="success">{t('closure.allMet')}</Tag>
          ) : (
            <Tag color="error">{t('closure.unmetCount', { count: unmet })}</Tag>
          )}
        </span>
      }
    >
      <List<ChecklistItemView>
        size="small"
        dataSource={checklist.items}
        renderItem={(item) => (
          <List.Item data-testid="checklist-item" data-code={item.code} data-met={String(item.met)}>
            <Space align="start">
              <span
                aria-label={t(item.met ? 'closure.met' : 'closure.unmet')}
                data-testid={item.met ? 'checklist-tick' : 'checklist-cross'}
                style={{
                  display: 'inline-block',
                  width: 22,
                  fontSize: 16,
                  fontWeight: 700,
                  color: item.met ? '#389e0d' : '#cf1322',
                }}
              >
                {item.met ? '✓' : '✗'}
              </span>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{checklistLabel(t, item.code, item.label)}</Typography.Text>
                <Typography.Text type={item.met ? 'secondary' : 'danger'} style={{ fontSize: 13 }}>
                  {item.detail}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('closure.checklistRule')}
      </Typography.Paragraph>
    </Card>
  );
}

interface CloseFormValues {
  closureType?: ClosureType;
  performanceMode?: PerformanceMode;
  reason: string;
}

const closureTypeKey = (type: ClosureType): MessageKey => `closureType.${type}`;

function CloseForm({
  caseId,
  checklist,
  onChanged,
  onRefused,
}: {
  caseId: string;
  checklist: TerminationChecklistView;
  onChanged: () => void;
  onRefused: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseFormValues>();
  const closureType = Form.useWatch('closureType', form);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function close(values: CloseFormValues): Promise<void> {
    if (!values.closureType) return;
    setSending(true);
    setError(null);
    try {
      await api.closeCase(caseId, {
        closureType: values.closureType,
        ...(values.closureType === ClosureType.FullyExecuted && values.performanceMode
          ? { performanceMode: values.performanceMode }
          : {}),
        reason: values.reason.trim(),
      });
      void message.success(t('closure.closedOk'));
      onChanged();
    } catch (caught) {
      setError(caught);
      // the checklist may have moved since it was loaded; show it as the server judged it
      if (caught instanceof ApiError && caught.status === 422) onRefused();
    } finally {
      setSending(false);
    }
  }

  const refusedTermination =
    error instanceof ApiError &&
    error.problem.rule === 'TERMINATION_PREREQUISITES' &&
    (error.problem.errors ?? []).length > 0;
  const describeUnmet = (fieldError: FieldError) => (
    <span data-testid="unmet-item" data-code={fieldError.rule}>
      <Typography.Text strong>{checklistLabel(t, fieldError.rule, fieldError.rule)}</Typography.Text>：
      {fieldError.message}
    </span>
  );

  return (
    <Card title={t('closure.closeTitle')} size="small" data-testid="close-case">
      <Form<CloseFormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={(values) => void close(values)}
      >
        <Form.Item
          label={t('closure.closureType')}
          name="closureType"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select<ClosureType>
            data-testid="closure-type"
            optionRender={optionWithTestId('closure-type-option')}
            placeholder={t('closure.chooseType')}
            options={Object.values(ClosureType).map((value) => ({ value, label: t(closureTypeKey(value)) }))}
          />
        </Form.Item>
        {closureType === ClosureType.FullyExecuted && (
          <Form.Item
            label={t('closure.performanceMode')}
            name="performanceMode"
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Select<PerformanceMode>
              data-testid="performance-mode"
              optionRender={optionWithTestId('performance-mode-option')}
              options={Object.values(PerformanceMode).map((value) => ({
                value,
                label: t(`performanceMode.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {closureType === ClosureType.TerminatedThisRound && !checklist.allMet && (
          <Typography.Paragraph type="warning">{t('closure.checklistWarning')}</Typography.Paragraph>
        )}
        <Form.Item label={t('form.reason')} name="reason" rules={textRules(t, 2, 1000)}>
          <Input.TextArea
            data-testid="closure-reason"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
          />
        </Form.Item>
        {error !== null && (
          <div style={{ marginBottom: 16 }}>
            {refusedTermination ? (
              <ProblemAlert
                error={error}
                title={t('closure.terminationRefused')}
                hideDetail
                describe={describeUnmet}
                testId="closure-refusal"
              />
            ) : (
              <ProblemAlert error={error} title={t('closure.failed')} testId="closure-refusal" />
            )}
          </div>
        )}
        <Button type="primary" danger htmlType="submit" loading={sending} data-testid="closure-submit">
          {t('closure.close')}
        </Button>
      </Form>
    </Card>
  );
}
