import { Button, Card, Select, Space, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { Remote } from '../api/use-remote';
import { useT } from '../i18n';
import { ProblemAlert } from './problem-alert';

/**
 * One approval queue as a card (cases, controls, payouts): the status to show, a refresh, the load
 * error if any, and the table. `testId` names the table (`<testId>-table`) and its rows (`<rowTestId>`).
 */
export function ApprovalQueue<S extends string, R extends { id: string }>({
  title,
  status,
  statuses,
  onStatusChange,
  remote,
  columns,
  emptyText,
  testId,
  rowTestId,
  pagination = false,
}: {
  title: ReactNode;
  status: S;
  statuses: readonly { value: S; label: string }[];
  onStatusChange: (status: S) => void;
  remote: Remote<{ items: R[] }>;
  columns: TableColumnsType<R>;
  emptyText: string;
  testId: string;
  rowTestId: string;
  pagination?: false | TablePaginationConfig;
}) {
  const t = useT();
  return (
    <Card
      title={title}
      extra={
        <Space>
          <Select<S>
            aria-label={t('approvals.status')}
            style={{ width: 120 }}
            value={status}
            onChange={onStatusChange}
            options={statuses.map(({ value, label }) => ({ value, label }))}
          />
          <Button onClick={remote.reload}>{t('cases.refresh')}</Button>
        </Space>
      }
    >
      {remote.error !== null && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={remote.error} title={t('approvals.loadFailed')} />
        </div>
      )}
      <div data-testid={`${testId}-table`}>
        <Table<R>
          rowKey="id"
          columns={columns}
          dataSource={remote.data?.items ?? []}
          loading={remote.loading}
          locale={{ emptyText }}
          onRow={() => ({ 'data-testid': rowTestId }) as HTMLAttributes<HTMLElement>}
          pagination={pagination}
        />
      </div>
    </Card>
  );
}
