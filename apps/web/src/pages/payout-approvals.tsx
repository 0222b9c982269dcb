import { Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type Fen, type PayoutStatusName, type PayoutView } from '@writ/contracts/web';
import { useState } from 'react';
import { ledgerApi, type DecidePayoutBody } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ApprovalDecision } from '../components/approval-decision';
import { ApprovalQueue } from '../components/approval-queue';
import { formatInstant } from '../format';
import { useT } from '../i18n';
import { paths } from '../router';

const STATUSES: readonly PayoutStatusName[] = ['PENDING_APPROVAL', 'APPROVED', 'PAID', 'REJECTED'];

const statusColour: Record<PayoutStatusName, string> = {
  PENDING_APPROVAL: 'gold',
  APPROVED: 'processing',
  PAID: 'success',
  REJECTED: 'default',
};

/**
 * 案款发放审批: a payout above the court's threshold waits for the director's second approval (双人审批);
 * the fund manager who asked sees the queue, the director decides — never on a request of their own
 * (fund-ledger refuses that, naming the rule).
 */
export function PayoutApprovals() {
  const t = useT();
  const can = useCan();
  const [status, setStatus] = useState<PayoutStatusName>('PENDING_APPROVAL');
  const remote = useRemote((signal) => ledgerApi.listPayouts(status, signal), [status]);
  const mayDecide = can('decidePayout') && status === 'PENDING_APPROVAL';
  const columns: TableColumnsType<PayoutView> = [
    {
      title: t('approvals.summary'),
      key: 'summary',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>
            {t('approvals.payouts.summary', {
              creditor: row.creditorName,
              amount: formatFen(row.amountFen),
            })}
          </span>
          {row.feeFen > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('approvals.payouts.fee', { fee: formatFen(row.feeFen) })}
            </Typography.Text>
          )}
          <a href={paths.caseDetail(row.caseId, 'money')}>{row.caseNumber ?? t('approvals.openCase')}</a>
        </Space>
      ),
    },
    {
      title: t('approvals.payouts.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      width: 150,
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('approvals.requested'),
      key: 'requested',
      width: 160,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.requestedByName}</span>
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
          <Tag color={statusColour[row.status]}>{t(`payoutStatus.${row.status}`)}</Tag>
          {row.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.decidedByName} · {formatInstant(row.decidedAt)}
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
            render: (_: unknown, row: PayoutView) => <DecidePayout payout={row} onDone={remote.reload} />,
          },
        ]
      : []),
  ];
  return (
    <ApprovalQueue<PayoutStatusName, PayoutView>
      title={t('approvals.payouts.title')}
      status={status}
      statuses={STATUSES.map((value) => ({ value, label: t(`payoutStatus.${value}`) }))}
      onStatusChange={setStatus}
      remote={remote}
      columns={columns}
      emptyText={t('approvals.payouts.none')}
      testId="payout-approvals"
      rowTestId="payout-approval-row"
    />
  );
}

/** 批准 (the money moves to the creditor's payable) or 驳回 with a reason. */
function DecidePayout({ payout, onDone }: { payout: PayoutView; onDone: () => void }) {
  const t = useT();
  const summary = t('approvals.payouts.summary', {
    creditor: payout.creditorName,
    amount: formatFen(payout.amountFen),
  });
  return (
    <ApprovalDecision
      summary={summary}
      testIdSuffix="payout"
      decide={(body: DecidePayoutBody) => ledgerApi.decidePayout(payout.id, body)}
      onDone={onDone}
    />
  );
}
