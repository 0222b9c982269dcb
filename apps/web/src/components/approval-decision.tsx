import { Form, Input, Space, Typography } from 'antd';
import { useT } from '../i18n';
import { ActionButton } from './action-button';
import { textRules } from './form-rules';

/** What every approval queue sends: approve or reject, with the approver's comment when given. */
export interface ApprovalDecisionBody {
  approve: boolean;
  comment?: string;
}

/**
 * 批准 or 驳回 of one request in an approval queue (cases, controls, payouts): approving takes an
 * optional comment, rejecting must say why. `testIdSuffix` keeps each queue's buttons apart
 * (`approve-control`, `reject-payout`, …).
 */
export function ApprovalDecision({
  summary,
  testIdSuffix,
  decide,
  onDone,
}: {
  summary: string;
  testIdSuffix?: string;
  decide: (body: ApprovalDecisionBody) => Promise<unknown>;
  onDone: () => void;
}) {
  const t = useT();
  const suffix = testIdSuffix ? `-${testIdSuffix}` : '';
  const submit = (approve: boolean) => (values: { comment?: string }) => {
    const comment = values.comment?.trim();
    return decide({ approve, ...(comment ? { comment } : {}) });
  };
  return (
    <Space>
      <ActionButton<{ comment?: string }>
        type="primary"
        label={t('approvals.approve')}
        title={t('approvals.approveTitle')}
        testId={`approve${suffix}`}
        fields={() => (
          <>
            <Typography.Paragraph>{summary}</Typography.Paragraph>
            <Form.Item
              label={t('approvals.comment')}
              name="comment"
              rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </>
        )}
        submit={submit(true)}
        successText={t('approvals.approved')}
        onDone={onDone}
      />
      <ActionButton<{ comment?: string }>
        danger
        label={t('approvals.reject')}
        title={t('approvals.rejectTitle')}
        testId={`reject${suffix}`}
        fields={() => (
          <>
            <Typography.Paragraph>{summary}</Typography.Paragraph>
            <Form.Item label={t('approvals.rejectReason')} name="comment" rules={textRules(t, 1, 500)}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </>
        )}
        submit={submit(false)}
        successText={t('approvals.rejected')}
        onDone={onDone}
      />
    </Space>
  );
}
