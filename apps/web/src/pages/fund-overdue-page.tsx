import { Button, Card, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type Fen, type PayoutDeadlineView } from '@writ/contracts/web';
import type { HTMLAttributes } from 'react';
import { ledgerApi, ledgerExports } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { RemoteView } from '../components/remote-view';
import { useT } from '../i18n';
import { paths } from '../router';
import { DeadlineCountdown, DownloadButton } from './case-tabs/money-tab';

/**
 * 案款超期: the court's money unpaid past its payout deadline (30 days from arrival, 执行款物管理规定
 * 2017) — what the audit looks for first — with the Excel export for the finance office.
 */
export function FundOverduePage() {
  const t = useT();
  const remote = useRemote((signal) => ledgerApi.overdue(signal), []);
  const columns: TableColumnsType<PayoutDeadlineView> = [
    {
      title: t('fundOverdue.case'),
      dataIndex: 'caseNumber',
      render: (_, row) => <a href={paths.caseDetail(row.caseId, 'money')}>{row.caseNumber ?? row.caseId}</a>,
    },
    { title: t('money.deadlines.receivedOn'), dataIndex: 'receivedOn', width: 120 },
    {
      title: t('money.deadlines.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('money.deadlines.unpaid'),
      dataIndex: 'unpaidFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('fundOverdue.deadline'),
      key: 'deadline',
      render: (_, row) => <DeadlineCountdown deadline={row.deadline} daysLeft={row.daysLeft} />,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('fundOverdue.title')}
      </Typography.Title>
      <Card
        size="small"
        extra={
          <Space>
            <Button onClick={remote.reload}>{t('cases.refresh')}</Button>
            <DownloadButton path={ledgerExports.overdue()} fileName="案款超期.xlsx" testId="overdue-excel" />
          </Space>
        }
        title={
          remote.data ? t('fundOverdue.asOf', { date: remote.data.asOf, days: remote.data.deadlineDays }) : ''
        }
      >
        <RemoteView remote={remote} failedTitle={t('fundOverdue.loadFailed')}>
          {(view) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space size="large">
                <Statistic title={t('fundOverdue.count')} value={view.items.length} />
                <Statistic title={t('fundOverdue.total')} value={formatFen(view.totalUnpaidFen)} />
              </Space>
              <div data-testid="overdue-table">
                <Table<PayoutDeadlineView>
                  rowKey="receiptId"
                  size="small"
                  columns={columns}
                  dataSource={view.items}
                  locale={{ emptyText: t('fundOverdue.none') }}
                  onRow={() => ({ 'data-testid': 'overdue-row' }) as HTMLAttributes<HTMLElement>}
                />
              </div>
            </Space>
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}
