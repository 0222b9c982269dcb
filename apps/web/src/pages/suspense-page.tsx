import { Button, Card, Form, Input, Space, Statistic, Table, Typography } from 'antd';
import type { FormRule, TableColumnsType } from 'antd';
import { formatFen, parseYuanToFen, type Fen, type SuspenseReceiptView } from '@writ/contracts/web';
import type { HTMLAttributes } from 'react';
import { useIdempotencyKey } from '../api/client';
import { ledgerApi, type MatchSuspenseBody } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ActionButton } from '../components/action-button';
import { RecordReceipt } from '../components/record-receipt';
import { CasePicker } from '../components/case-picker';
import { yuanRules } from '../components/form-rules';
import { RemoteView } from '../components/remote-view';
import { formatInstant } from '../format';
import { useT, type Translate } from '../i18n';

/** A yuan amount no larger than what is left of the receipt. */
function notAboveRules(t: Translate, maxFen: Fen): FormRule[] {
  return [
    ...yuanRules(t),
    {
      validator: (_: unknown, value: unknown) => {
        const fen = parseYuanToFen(typeof value === 'string' ? value.trim() : '');
        return fen !== null && fen > maxFen
          ? Promise.reject(new Error(t('suspense.match.tooMuch', { amount: formatFen(maxFen) })))
          : Promise.resolve();
      },
    },
  ];
}

/**
 * 待认领款: money that reached the dedicated account without a case it could be matched to (no case number
 * in the transfer's note, an unknown payer), each receipt with what is still waiting for its case. The
 * fund manager records such money and matches it (认领) to its case, in full or in part.
 */
export function SuspensePage() {
  const t = useT();
  const can = useCan();
  const remote = useRemote((signal) => ledgerApi.suspense(signal), []);
  const mayMatch = can('matchSuspense');
  const columns: TableColumnsType<SuspenseReceiptView> = [
    { title: t('suspense.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    {
      title: t('suspense.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('suspense.matched'),
      dataIndex: 'matchedFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('suspense.remaining'),
      dataIndex: 'remainingFen',
      align: 'right',
      render: (fen: Fen) => (
        <Typography.Text strong data-testid="suspense-remaining">
          {formatFen(fen)}
        </Typography.Text>
      ),
    },
    { title: t('suspense.memo'), dataIndex: 'memo', render: (memo?: string) => memo ?? '—' },
    {
      title: t('suspense.recorded'),
      key: 'recorded',
      render: (_, row) => `${row.postedBy} ${formatInstant(row.postedAt)}`,
    },
    ...(mayMatch
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: SuspenseReceiptView) => (
              <MatchSuspense receipt={row} onDone={remote.reload} />
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('suspense.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('suspense.hint')}</Typography.Text>
      <Card
        size="small"
        title={
          remote.data && (
            <span data-testid="suspense-total" data-fen={remote.data.totalRemainingFen}>
              <Statistic
                title={t('suspense.total', { count: remote.data.items.length })}
                value={formatFen(remote.data.totalRemainingFen)}
              />
            </span>
          )
        }
        extra={
          <Space>
            {can('recordReceipt') && <RecordReceipt onDone={remote.reload} />}
            <Button onClick={remote.reload}>{t('cases.refresh')}</Button>
          </Space>
        }
      >
        <RemoteView remote={remote} failedTitle={t('suspense.loadFailed')}>
          {(view) => (
            <div data-testid="suspense-table">
              <Table<SuspenseReceiptView>
                rowKey="transactionId"
                size="small"
                columns={columns}
                dataSource={view.items}
                locale={{ emptyText: t('suspense.none') }}
                onRow={(row) =>
                  ({
                    'data-testid': 'suspense-row',
                    'data-transaction-id': row.transactionId,
                    'data-remaining-fen': row.remainingFen,
                  }) as HTMLAttributes<HTMLElement>
                }
              />
            </div>
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

interface MatchForm {
  caseId: string;
  amountYuan: string;
  memo?: string;
}

/** 认领: the receipt's money, all of what is left or a part, becomes the case's. */
function MatchSuspense({ receipt, onDone }: { receipt: SuspenseReceiptView; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<MatchForm>
      label={t('suspense.match.action')}
      title={t('suspense.match.title', {
        amount: formatFen(receipt.remainingFen),
        date: receipt.receivedOn,
      })}
      testId="match-suspense"
      type="primary"
      successText={t('suspense.match.done')}
      initialValues={{ amountYuan: (receipt.remainingFen / 100).toFixed(2) }}
      fields={() => (
        <>
          <Form.Item
            label={t('suspense.match.case')}
            name="caseId"
            rules={[{ required: true, message: t('form.required') }]}
          >
            <CasePicker testId="match-case" />
          </Form.Item>
          <Form.Item
            label={t('suspense.match.amount')}
            name="amountYuan"
            rules={notAboveRules(t, receipt.remainingFen)}
          >
            <Input data-testid="match-amount-yuan" prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item label={t('money.memo')} name="memo" rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: MatchSuspenseBody = {
          amountFen: parseYuanToFen(values.amountYuan)!,
          suspenseTransactionId: receipt.transactionId,
          ...(values.memo?.trim() ? { memo: values.memo.trim() } : {}),
        };
        return ledgerApi.matchSuspense(values.caseId, body, keyFor({ caseId: values.caseId, ...body }));
      }}
      onDone={onDone}
    />
  );
}
