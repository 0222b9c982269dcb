import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApprovalStatus, Role, type ApprovalView, type ControlApprovalView } from '@writ/contracts/web';
import { useState } from 'react';
import { api, type DecideApprovalBody, type DecideControlApprovalBody } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ApprovalDecision } from '../components/approval-decision';
import { ApprovalQueue } from '../components/approval-queue';
import { useActorLabel } from '../components/actor-label';
import { formatInstant } from '../format';
import { useT, type MessageKey, type Translate } from '../i18n';
import { paths } from '../router';
import { PayoutApprovals } from './payout-approvals';

const statusColour: Record<ApprovalStatus, string> = {
  [ApprovalStatus.Pending]: 'gold',
  [ApprovalStatus.Approved]: 'success',
  [ApprovalStatus.Rejected]: 'error',
};

const SUBJECT_KEYS: Record<string, MessageKey> = {
  MEASURE: 'approvals.subject.MEASURE',
  EXTENSION: 'approvals.subject.EXTENSION',
};

/** The statuses an approval queue can show, named in the user's language. */
function approvalStatusOptions(t: Translate): { value: ApprovalStatus; label: string }[] {
  return Object.values(ApprovalStatus).map((value) => ({ value, label: t(`approvalStatus.${value}`) }));
}

/** 审批: the requests waiting for the user's role (院长: 罚款、拘留、延长期限; 执行局长: 失信、限消 …). */
export function ApprovalsPage() {
  const t = useT();
  const can = useCan();
  const actorLabel = useActorLabel();
  const [status, setStatus] = useState<ApprovalStatus>(ApprovalStatus.Pending);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const remote = useRemote(
    (signal) => api.listApprovals({ page, pageSize, status }, signal),
    [page, pageSize, status],
  );
  const mayDecide = can('decideApproval') && status === ApprovalStatus.Pending;

  const columns: TableColumnsType<ApprovalView> = [
    {
      title: t('approvals.subject'),
      dataIndex: 'subjectType',
      width: 110,
      render: (value: string) => {
        const key = SUBJECT_KEYS[value];
        return <Tag>{key ? t(key) : value}</Tag>;
      },
    },
    {
      title: t('approvals.summary'),
      dataIndex: 'summary',
      render: (summary: string, row) => (
        <Space orientation="vertical" size={0}>
          <span>{summary}</span>
          <a href={paths.caseDetail(row.caseId, row.subjectType === 'MEASURE' ? 'measures' : 'timeline')}>
            {t('approvals.openCase')}
          </a>
        </Space>
      ),
    },
    {
      title: t('approvals.requiredRole'),
      dataIndex: 'requiredRole',
      width: 110,
      render: (_, row) => t(`approver.${row.requiredRole === Role.Leader ? 'LEADER' : 'DIRECTOR'}`),
    },
    {
      title: t('approvals.requested'),
      key: 'requested',
      width: 160,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{actorLabel(row.requestedBy)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(row.requestedAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('approvals.status'),
      dataIndex: 'status',
      width: 180,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Tag color={statusColour[row.status]}>{t(`approvalStatus.${row.status}`)}</Tag>
          {row.decidedBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {actorLabel(row.decidedBy)} · {formatInstant(row.decidedAt)}
            </Typography.Text>
          )}
          {row.comment && <Typography.Text style={{ fontSize: 12 }}>{row.comment}</Typography.Text>}
        </Space>
      ),
    },
    ...(mayDecide
      ? [
          {
            title: '',
            key: 'decide',
            width: 170,
            render: (_: unknown, row: ApprovalView) => <Decide approval={row} onDone={remote.reload} />,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ApprovalQueue<ApprovalStatus, ApprovalView>
        title={t('approvals.title')}
        status={status}
        statuses={approvalStatusOptions(t)}
        onStatusChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        remote={remote}
        columns={columns}
        emptyText={t('approvals.none')}
        testId="approvals"
        rowTestId="approval-row"
        pagination={{
          current: page,
          pageSize,
          total: remote.data?.total ?? 0,
          showTotal: (total) => t('approvals.total', { total }),
          onChange: (nextPage, nextPageSize) => {
            setPage(nextPageSize === pageSize ? nextPage : 1);
            setPageSize(nextPageSize);
          },
        }}
      />
      {can('listControlApprovals') && <ControlApprovals />}
      {can('listPayoutApprovals') && <PayoutApprovals />}
    </Space>
  );
}

/**
 * 查控审批: large deductions and releases before the claim is paid wait for the director (asset-control
 * keeps them); any court staff sees the queue, the director decides — never on a request of their own.
 */
function ControlApprovals() {
  const t = useT();
  const can = useCan();
  const actorLabel = useActorLabel();
  const [status, setStatus] = useState<ApprovalStatus>(ApprovalStatus.Pending);
  const remote = useRemote((signal) => api.listControlApprovals({ status }, signal), [status]);
  const mayDecide = can('decideControlApproval') && status === ApprovalStatus.Pending;
  const columns: TableColumnsType<ControlApprovalView> = [
    {
      title: t('approvals.subject'),
      dataIndex: 'rule',
      width: 130,
      render: (_, row) => <Tag>{t(`approvals.controls.rule.${row.rule}`)}</Tag>,
    },
    {
      title: t('approvals.summary'),
      dataIndex: 'summary',
      render: (summary: string, row) => (
        <Space orientation="vertical" size={0}>
          <span>{summary}</span>
          {row.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.reason}
            </Typography.Text>
          )}
          <a href={paths.caseDetail(row.caseId, 'assets')}>{row.caseNumber}</a>
        </Space>
      ),
    },
    {
      title: t('approvals.requested'),
      key: 'requested',
      width: 160,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.requestedByName || actorLabel(row.requestedBy)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(row.requestedAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('approvals.status'),
      dataIndex: 'status',
      width: 200,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Tag color={statusColour[row.status]}>{t(`approvalStatus.${row.status}`)}</Tag>
          {row.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.decidedByName ?? actorLabel(row.decidedBy)} · {formatInstant(row.decidedAt)}
            </Typography.Text>
          )}
          {row.comment && <Typography.Text style={{ fontSize: 12 }}>{row.comment}</Typography.Text>}
          {row.orderStatus && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approvals.controls.order')}: {row.orderStatus}
              {row.agencyNote ? ` · ${row.agencyNote}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(mayDecide
      ? [
          {
            title: '',
            key: 'decide',
            width: 170,
            render: (_: unknown, row: ControlApprovalView) => (
              <DecideControl approval={row} onDone={remote.reload} />
            ),
          },
        ]
      : []),
  ];
  return (
    <ApprovalQueue<ApprovalStatus, ControlApprovalView>
      title={t('approvals.controls.title')}
      status={status}
      statuses={approvalStatusOptions(t)}
      onStatusChange={setStatus}
      remote={remote}
      columns={columns}
      emptyText={t('approvals.controls.none')}
      testId="control-approvals"
      rowTestId="control-approval-row"
    />
  );
}

/** 批准 (the order goes to the agency) or 驳回 with a reason (nothing is sent). */
function DecideControl({ approval, onDone }: { approval: ControlApprovalView; onDone: () => void }) {
  return (
    <ApprovalDecision
      summary={approval.summary}
      testIdSuffix="control"
      decide={(body: DecideControlApprovalBody) => api.decideControlApproval(approval.id, body)}
      onDone={onDone}
    />
  );
}

/** 批准 or 驳回 with a comment; a rejection must say why. */
function Decide({ approval, onDone }: { approval: ApprovalView; onDone: () => void }) {
  return (
    <ApprovalDecision
      summary={approval.summary}
      decide={(body: DecideApprovalBody) => api.decideApproval(approval.id, body)}
      onDone={onDone}
    />
  );
}
