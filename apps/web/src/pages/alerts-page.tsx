import { App, Button, Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  AlertKind,
  formatFen,
  type AlertView,
  type ExpiringControlView,
  type LeadView,
} from '@writ/contracts/web';
import { useState } from 'react';
import { api } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ProblemAlert } from '../components/problem-alert';
import { formatInstant, today } from '../format';
import { useAgencyKinds } from '../agency-kinds';
import { useT } from '../i18n';
import { paths, type CaseTab } from '../router';
import { ExpiryCountdown } from './case-tabs/assets-tab';

const kindColour: Record<AlertKind, string> = {
  [AlertKind.StatutoryPeriodExceeded]: 'red',
  [AlertKind.NodeOverdue]: 'orange',
  [AlertKind.ReinquiryDue]: 'blue',
  [AlertKind.MeasureRemovalDue]: 'purple',
  [AlertKind.PayoutDueSoon]: 'gold',
};

/** Where an alert's case opens: money due to be paid out on its money tab, the rest on its timeline. */
const tabOf = (kind: AlertKind): CaseTab => (kind === AlertKind.PayoutDueSoon ? 'money' : 'timeline');

/** 预警提醒: the open supervision alerts of the officer's cases, or of the whole court. */
export function AlertsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'mine' | 'court'>('mine');
  const [kind, setKind] = useState<AlertKind | undefined>(undefined);
  const [scanning, setScanning] = useState(false);
  const [scanError, setScanError] = useState<unknown>(null);
  const remote = useRemote(
    (signal) => api.listAlerts({ mine: scope === 'mine', kind }, signal),
    [scope, kind],
  );
  const now = today();

  async function scan(): Promise<void> {
    setScanning(true);
    setScanError(null);
    try {
      const reply = await api.scanAlerts();
      void message.success(t('alerts.scanned', { raised: reply.raised, resolved: reply.resolved }));
      remote.reload();
    } catch (caught) {
      setScanError(caught);
    } finally {
      setScanning(false);
    }
  }

  const columns: TableColumnsType<AlertView> = [
    {
      title: t('alerts.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_, row) => <Tag color={kindColour[row.kind]}>{t(`alertKind.${row.kind}`)}</Tag>,
    },
    {
      title: t('cases.col.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      render: (caseNumber: string, row) => (
        <a href={paths.caseDetail(row.caseId, tabOf(row.kind))}>{caseNumber}</a>
      ),
    },
    { title: t('alerts.message'), dataIndex: 'message' },
    {
      title: t('alerts.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (dueOn: string) => (
        <Typography.Text type={dueOn < now ? 'danger' : undefined}>{dueOn}</Typography.Text>
      ),
    },
    {
      title: t('alerts.officer'),
      dataIndex: 'officerId',
      width: 110,
      render: (value?: string) => value ?? '—',
    },
    {
      title: t('alerts.raisedAt'),
      dataIndex: 'raisedAt',
      width: 150,
      render: (value: string) => formatInstant(value),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('alerts.title')}
        extra={
          <Space wrap>
            <Segmented<'mine' | 'court'>
              data-testid="alerts-scope"
              value={scope}
              onChange={setScope}
              options={[
                { value: 'mine', label: t('alerts.mine') },
                { value: 'court', label: t('alerts.court') },
              ]}
            />
            <Select<AlertKind | 'ALL'>
              aria-label={t('alerts.kind')}
              style={{ width: 170 }}
              value={kind ?? 'ALL'}
              onChange={(value) => {
                setKind(value === 'ALL' ? undefined : value);
              }}
              options={[
                { value: 'ALL', label: t('alerts.allKinds') },
                ...Object.values(AlertKind).map((value) => ({ value, label: t(`alertKind.${value}`) })),
              ]}
            />
            <Button onClick={remote.reload}>{t('cases.refresh')}</Button>
            {can('scanAlerts') && (
              <Button type="primary" loading={scanning} onClick={() => void scan()} data-testid="scan-alerts">
                {t('alerts.scan')}
              </Button>
            )}
          </Space>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {scanError !== null && <ProblemAlert error={scanError} title={t('alerts.scanFailed')} />}
          {remote.error !== null && <ProblemAlert error={remote.error} title={t('alerts.loadFailed')} />}
          <div data-testid="alerts-table">
            <Table<AlertView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={remote.data?.items ?? []}
              loading={remote.loading}
              pagination={{ pageSize: 20, showTotal: (total) => t('alerts.total', { total }) }}
              locale={{ emptyText: t('alerts.none') }}
            />
          </div>
        </Space>
      </Card>
      <ExpiringControls />
      <OverdueLeads />
    </Space>
  );
}

/** 查控到期预警: the court's freezes and seizures whose term ends within 30 days, soonest first. */
function ExpiringControls() {
  const t = useT();
  const kinds = useAgencyKinds();
  const remote = useRemote((signal) => api.listExpiringControls(undefined, signal), []);
  const columns: TableColumnsType<ExpiringControlView> = [
    {
      title: t('cases.col.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      render: (caseNumber: string, row) => <a href={paths.caseDetail(row.caseId, 'assets')}>{caseNumber}</a>,
    },
    {
      title: t('assets.controls.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (_, row) => t(`controlKind.${row.kind}`),
    },
    {
      title: t('assets.controls.asset'),
      key: 'asset',
      render: (_, row) => `${kinds.nameOf(row.agencyKind)} · ${row.holder} ${row.identifier}`,
    },
    {
      title: t('assets.controls.amount'),
      dataIndex: 'amountFen',
      width: 150,
      align: 'right',
      render: (_, row) => formatFen(row.amountFen),
    },
    {
      title: t('alerts.expiring.expiresOn'),
      dataIndex: 'expiresOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? ''),
    },
    { title: '', key: 'countdown', width: 110, render: (_, row) => <ExpiryCountdown control={row} /> },
  ];
  return (
    <Card
      title={t('alerts.expiring.title', { days: remote.data?.withinDays ?? 30 })}
      extra={<Button onClick={remote.reload}>{t('cases.refresh')}</Button>}
      data-testid="expiring-controls"
    >
      {remote.error !== null && <ProblemAlert error={remote.error} title={t('alerts.expiring.loadFailed')} />}
      <Table<ExpiringControlView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={remote.data?.controls ?? []}
        loading={remote.loading}
        pagination={{ pageSize: 10, showTotal: (total) => t('alerts.total', { total }) }}
        locale={{ emptyText: t('alerts.expiring.none') }}
      />
    </Card>
  );
}

/** 财产线索逾期未核查: leads not checked within 7 days (3 if urgent) of receipt. */
function OverdueLeads() {
  const t = useT();
  const remote = useRemote((signal) => api.listOverdueLeads(signal), []);
  const columns: TableColumnsType<LeadView> = [
    {
      title: t('cases.col.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      render: (caseNumber: string, row) => <a href={paths.caseDetail(row.caseId, 'assets')}>{caseNumber}</a>,
    },
    {
      title: t('assets.leads.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (_, row) => t(`leadKind.${row.kind}`),
    },
    {
      title: t('assets.leads.description'),
      dataIndex: 'description',
      render: (_, row) => (
        <span>
          {row.description} {row.urgent && <Tag color="volcano">{t('assets.leads.urgent')}</Tag>}
        </span>
      ),
    },
    { title: t('assets.leads.receivedOn'), dataIndex: 'receivedOn', width: 120 },
    {
      title: t('assets.leads.dueOn'),
      dataIndex: 'dueOn',
      width: 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.dueOn.localeCompare(b.dueOn),
      render: (dueOn: string) => <Typography.Text type="danger">{dueOn}</Typography.Text>,
    },
  ];
  return (
    <Card
      title={t('alerts.overdueLeads.title')}
      extra={<Button onClick={remote.reload}>{t('cases.refresh')}</Button>}
      data-testid="overdue-leads"
    >
      {remote.error !== null && (
        <ProblemAlert error={remote.error} title={t('alerts.overdueLeads.loadFailed')} />
      )}
      <Table<LeadView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={remote.data?.items ?? []}
        loading={remote.loading}
        pagination={{ pageSize: 10, showTotal: (total) => t('alerts.total', { total }) }}
        locale={{ emptyText: t('alerts.overdueLeads.none') }}
      />
    </Card>
  );
}
