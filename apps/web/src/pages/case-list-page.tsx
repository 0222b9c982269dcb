import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { CaseStatus, formatFen, type CaseSummary, type ListCasesReply } from '@writ/contracts/web';
import { useEffect, useState } from 'react';
import { api, isAbort } from '../api/client';
import { problemText } from '../api/problem-text';
import { isPartyOnly, useCan } from '../auth/permissions';
import { useSession } from '../auth/session';
import { PendingEntrustments } from '../components/pending-entrustments';
import { useT } from '../i18n';
import { navigate, paths } from '../router';
import { caseStatusColour } from './case-tabs/case-tab-props';

export function CaseListPage() {
  const t = useT();
  const can = useCan();
  const partyOnly = isPartyOnly(useSession()?.user.roles ?? []);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const [reloads, setReloads] = useState(0);
  const [data, setData] = useState<ListCasesReply | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .listCases({ page, pageSize, status }, controller.signal)
      .then((reply) => {
        setData(reply);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (isAbort(caught)) return;
        setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => {
      controller.abort();
    };
  }, [page, pageSize, status, reloads]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.col.caseNumber'),
      dataIndex: 'caseNumber',
      render: (caseNumber: string, row) => (
        <a
          href={paths.caseDetail(row.id)}
          onClick={(event) => {
            event.stopPropagation();
          }}
        >
          {caseNumber}
        </a>
      ),
    },
    { title: t('cases.col.caseType'), dataIndex: 'caseType', width: 90 },
    {
      title: t('cases.col.applicants'),
      dataIndex: 'applicantNames',
      render: (names: string[]) => names.join('、'),
    },
    {
      title: t('cases.col.respondents'),
      dataIndex: 'respondentNames',
      render: (names: string[]) => names.join('、'),
    },
    {
      title: t('cases.col.claimAmount'),
      dataIndex: 'claimAmountFen',
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
    { title: t('cases.col.filingDate'), dataIndex: 'filingDate', width: 120 },
    {
      title: t('cases.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: CaseStatus) => <Tag color={caseStatusColour[value]}>{t(`caseStatus.${value}`)}</Tag>,
    },
  ];

  return (
    <>
      {can('acceptEntrustment') && <PendingEntrustments />}
      <Card
        title={t(partyOnly ? 'cases.myCases' : 'cases.title')}
        extra={
          <Space>
            <Select<CaseStatus | 'ALL'>
              data-testid="status-filter"
              aria-label={t('cases.statusFilter')}
              style={{ width: 140 }}
              value={status ?? 'ALL'}
              onChange={(value) => {
                setStatus(value === 'ALL' ? undefined : value);
                setPage(1);
              }}
              options={[
                { value: 'ALL', label: t('cases.allStatuses') },
                ...Object.values(CaseStatus).map((value) => ({ value, label: t(`caseStatus.${value}`) })),
              ]}
            />
            <Button
              onClick={() => {
                setReloads((n) => n + 1);
              }}
            >
              {t('cases.refresh')}
            </Button>
            {can('registerCase') && (
              <Button type="primary" data-testid="new-case-button" href={paths.newCase}>
                {t('cases.new')}
              </Button>
            )}
          </Space>
        }
      >
        {error !== null && (
          <Alert type="error" title={problemText(t, error)} showIcon style={{ marginBottom: 16 }} />
        )}
        <div data-testid="cases-table">
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            rowClassName="writ-clickable-row"
            onRow={(row) => ({
              onClick: () => {
                navigate(paths.caseDetail(row.id));
              },
            })}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('cases.total', { total }),
              onChange: (nextPage, nextPageSize) => {
                setPage(nextPageSize === pageSize ? nextPage : 1);
                setPageSize(nextPageSize);
              },
            }}
          />
        </div>
      </Card>
    </>
  );
}
