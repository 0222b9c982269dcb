import { Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type JournalTransactionView } from '@writ/contracts/web';
import { useState, type HTMLAttributes } from 'react';
import { useIdempotencyKey } from '../api/client';
import { ledgerApi } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ActionButton } from '../components/action-button';
import { textRules } from '../components/form-rules';
import { RemoteView } from '../components/remote-view';
import { formatInstant } from '../format';
import { useT } from '../i18n';
import { paths } from '../router';
import { accountLabel, txKindLabel } from './case-tabs/money-tab';

const PAGE_SIZE = 20;

/** What a transaction moved: the sum of its debits. */
function amountOf(row: JournalTransactionView): number {
  return row.entries.reduce((sum, e) => sum + Math.max(0, e.amountFen), 0);
}

/** A transaction that may still be reversed: not a reversal itself, not reversed already. */
function reversible(row: JournalTransactionView): boolean {
  return row.kind !== 'REVERSAL' && !row.correctsId && !row.reversedById;
}

/**
 * 资金流水: the court's whole journal of the dedicated account and the case accounts, newest first. A
 * wrong entry is never edited: the fund manager posts its 冲正 (the negated entries, pointing at it,
 * once), giving the reason for the trail; the reversed one then shows 已冲正.
 */
export function JournalPage() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const remote = useRemote((signal) => ledgerApi.journal(page, PAGE_SIZE, signal), [page]);
  const mayReverse = can('reverseTransaction');
  const columns: TableColumnsType<JournalTransactionView> = [
    { title: t('journal.seq'), dataIndex: 'seq', width: 70 },
    {
      title: t('money.journal.postedAt'),
      dataIndex: 'postedAt',
      width: 140,
      render: (v: string) => formatInstant(v),
    },
    {
      title: t('money.journal.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (kind: string, row) => (
        <Space size={4} wrap>
          <Tag>{txKindLabel(t, kind)}</Tag>
          {row.correctsId && <Tag color="red">{t('journal.isReversal')}</Tag>}
          {row.reversedById && (
            <Tag color="default" data-testid="journal-reversed">
              {t('journal.reversed')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('journal.amount'),
      key: 'amount',
      align: 'right',
      render: (_, row) => formatFen(amountOf(row)),
    },
    {
      title: t('journal.case'),
      dataIndex: 'caseId',
      render: (caseId?: string) =>
        caseId ? <a href={paths.caseDetail(caseId, 'money')}>{t('journal.openCase')}</a> : '—',
    },
    { title: t('money.journal.memo'), dataIndex: 'memo', render: (v?: string) => v ?? '' },
    {
      title: t('money.journal.entries'),
      key: 'entries',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          {row.entries.map((entry, i) => (
            <span key={`${entry.accountCode}:${String(i)}`}>
              {entry.amountFen > 0 ? t('money.journal.debit') : t('money.journal.credit')}{' '}
              {accountLabel(t, entry.accountCode)} {formatFen(Math.abs(entry.amountFen))}
            </span>
          ))}
        </Space>
      ),
    },
    { title: t('journal.postedBy'), dataIndex: 'postedBy', width: 90 },
    ...(mayReverse
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: JournalTransactionView) =>
              reversible(row) ? <ReverseTransaction transaction={row} onDone={remote.reload} /> : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('journal.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('journal.hint')}</Typography.Text>
      <Card
        size="small"
        title={remote.data ? t('journal.total', { total: remote.data.total }) : ''}
        extra={<Button onClick={remote.reload}>{t('cases.refresh')}</Button>}
      >
        <RemoteView remote={remote} failedTitle={t('journal.loadFailed')}>
          {(view) => (
            <div data-testid="journal-table">
              <Table<JournalTransactionView>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={view.items}
                loading={remote.loading}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: view.total,
                  onChange: setPage,
                  showSizeChanger: false,
                }}
                locale={{ emptyText: t('money.journal.none') }}
                onRow={(row) =>
                  ({
                    'data-testid': 'journal-row',
                    'data-transaction-id': row.id,
                    'data-kind': row.kind,
                    'data-reversed': String(Boolean(row.reversedById)),
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

/** 冲正 of one transaction, with the reason; once (a retry of the same dialog sends the same key). */
function ReverseTransaction({
  transaction,
  onDone,
}: {
  transaction: JournalTransactionView;
  onDone: () => void;
}) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<{ reason: string }>
      label={t('journal.reverse.action')}
      title={t('journal.reverse.title', {
        kind: txKindLabel(t, transaction.kind),
        amount: formatFen(amountOf(transaction)),
      })}
      testId="reverse-transaction"
      danger
      successText={t('journal.reverse.done')}
      fields={() => (
        <>
          <Typography.Paragraph>{t('journal.reverse.hint')}</Typography.Paragraph>
          <Form.Item label={t('journal.reverse.reason')} name="reason" rules={textRules(t, 1, 500)}>
            <Input.TextArea data-testid="reverse-reason" rows={3} />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body = { reason: values.reason.trim() };
        return ledgerApi.reverse(transaction.id, body, keyFor({ transactionId: transaction.id, ...body }));
      }}
      onDone={onDone}
    />
  );
}
