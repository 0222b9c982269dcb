import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  formatFen,
  type CourtMetricsView,
  type InquiryIndicatorView,
  type LateInquiryStartView,
  type RateView,
  type TargetView,
} from '@writ/contracts/web';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api } from '../api/client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ProblemAlert } from '../components/problem-alert';
import { formatRate, isIsoDate, today } from '../format';
import { useT, type MessageKey } from '../i18n';
import { paths } from '../router';

type Preset = 'yearToDate' | 'quarterToDate' | 'monthToDate' | 'lastYear';
interface Period {
  from: string;
  to: string;
}

/** The period a preset names, counted in the court's days (Asia/Shanghai). */
function periodOf(preset: Preset, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (preset) {
    case 'yearToDate':
      return { from: `${String(year)}-01-01`, to: day };
    case 'quarterToDate':
      return { from: `${String(year)}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`, to: day };
    case 'monthToDate':
      return { from: `${day.slice(0, 7)}-01`, to: day };
    case 'lastYear':
      return { from: `${String(year - 1)}-01-01`, to: `${String(year - 1)}-12-31` };
  }
}

const PRESETS: Preset[] = ['yearToDate', 'quarterToDate', 'monthToDate', 'lastYear'];

const TARGETS = [
  { key: 'propertyCasesExecuted', label: 'dashboard.target.propertyCasesExecuted' },
  { key: 'zhongbenQualified', label: 'dashboard.target.zhongbenQualified' },
  { key: 'petitionSettlement', label: 'dashboard.target.petitionSettlement' },
  { key: 'threeYearClosure', label: 'dashboard.target.threeYearClosure' },
] as const satisfies readonly { key: keyof CourtMetricsView['targets']; label: MessageKey }[];

const RATES = [
  { key: 'closure', label: 'dashboard.rate.closure', money: false },
  { key: 'actualExecution', label: 'dashboard.rate.actualExecution', money: false },
  { key: 'inDeadline', label: 'dashboard.rate.inDeadline', money: false },
  { key: 'recovery', label: 'dashboard.rate.recovery', money: true },
  { key: 'termination', label: 'dashboard.rate.termination', money: false },
] as const satisfies readonly { key: keyof CourtMetricsView['rates']; label: MessageKey; money: boolean }[];

const RECEIVED_COLOUR = '#1d3f8f';
const CLOSED_COLOUR = '#52c41a';

/** 院领导看板: the court's enforcement figures over a period, against 三个90%、一个80%. */
export function DashboardPage() {
  const t = useT();
  const can = useCan();
  const [preset, setPreset] = useState<Preset | null>('yearToDate');
  const [period, setPeriod] = useState<Period>(() => periodOf('yearToDate', today()));
  const [draft, setDraft] = useState<Period>(period);
  const remote = useRemote((signal) => api.getMetrics(period, signal), [period.from, period.to]);
  const draftValid = isIsoDate(draft.from) && isIsoDate(draft.to) && draft.from <= draft.to;

  const choose = (next: Preset) => {
    const chosen = periodOf(next, today());
    setPreset(next);
    setDraft(chosen);
    setPeriod(chosen);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Card
        title={t('dashboard.title')}
        extra={
          <Space wrap>
            <Segmented<Preset | 'custom'>
              value={preset ?? 'custom'}
              onChange={(value) => {
                if (value !== 'custom') choose(value);
              }}
              options={[
                ...PRESETS.map((value) => ({ value, label: t(`dashboard.preset.${value}`) })),
                // shown as chosen when the dates were typed in; it is not itself a choice
                { value: 'custom' as const, label: t('dashboard.preset.custom'), disabled: true },
              ]}
            />
            <Input
              type="date"
              aria-label={t('dashboard.from')}
              data-testid="period-from"
              value={draft.from}
              max={draft.to}
              onChange={(event) => {
                setDraft({ ...draft, from: event.target.value });
              }}
              style={{ width: 150 }}
            />
            <span>—</span>
            <Input
              type="date"
              aria-label={t('dashboard.to')}
              data-testid="period-to"
              value={draft.to}
              min={draft.from}
              onChange={(event) => {
                setDraft({ ...draft, to: event.target.value });
              }}
              style={{ width: 150 }}
            />
            <Button
              type="primary"
              disabled={!draftValid}
              data-testid="period-apply"
              onClick={() => {
                setPreset(null);
                setPeriod(draft);
              }}
            >
              {t('dashboard.apply')}
            </Button>
          </Space>
        }
      >
        {remote.error !== null && <ProblemAlert error={remote.error} title={t('dashboard.loadFailed')} />}
        {remote.data && <Caseload metrics={remote.data} />}
        {remote.data === null && remote.error === null && <Card loading variant="borderless" />}
      </Card>
      {remote.data && (
        <>
          <Targets metrics={remote.data} />
          {can('readInquiryIndicator') && <InquiryIndicator period={period} />}
          <Rates metrics={remote.data} />
          <Charts metrics={remote.data} />
        </>
      )}
    </Space>
  );
}

function Caseload({ metrics }: { metrics: CourtMetricsView }) {
  const t = useT();
  const { caseload } = metrics;
  const figures: [MessageKey, string | number][] = [
    ['dashboard.carriedOver', caseload.carriedOver],
    ['dashboard.received', caseload.received],
    ['dashboard.closed', caseload.closed],
    ['dashboard.pending', caseload.pending],
    ['dashboard.receivedClaim', formatFen(caseload.receivedClaimFen)],
  ];
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('dashboard.periodCaption', {
          from: metrics.from,
          to: metrics.to,
          court: metrics.courtCode,
          types: metrics.caseTypes.join('、'),
        })}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        {figures.map(([label, value]) => (
          <Col key={label} xs={12} md={label === 'dashboard.receivedClaim' ? 8 : 4}>
            <Statistic
              title={t(label)}
              value={value}
              data-testid={`caseload-${label.split('.')[1] ?? label}`}
            />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function percentOf(rate: RateView | null): number {
  return rate?.value === null || rate?.value === undefined ? 0 : Math.round(rate.value * 10000) / 100;
}

function Targets({ metrics }: { metrics: CourtMetricsView }) {
  const t = useT();
  return (
    <Card title={t('dashboard.targets')} size="small" data-testid="targets">
      <Row gutter={[16, 16]}>
        {TARGETS.map(({ key, label }) => (
          <Col key={key} xs={24} sm={12} lg={6}>
            <TargetGauge
              testKey={key}
              label={t(label)}
              target={metrics.targets[key]}
              window={key === 'threeYearClosure' ? metrics.threeYearWindow : undefined}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function TargetGauge({
  testKey,
  label,
  target,
  window,
}: {
  testKey: string;
  label: string;
  target: TargetView;
  window?: Period;
}) {
  const t = useT();
  const threshold = `${String(Math.round(target.threshold * 100))}%`;
  const state = !target.available
    ? 'unavailable'
    : target.met === null
      ? 'empty'
      : target.met
        ? 'met'
        : 'unmet';
  const colour = state === 'met' ? '#52c41a' : state === 'unmet' ? '#cf1322' : '#bfbfbf';
  return (
    <div
      data-testid="target"
      data-target={testKey}
      data-state={state}
      style={{
        textAlign: 'center',
        padding: '8px 4px',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        height: '100%',
      }}
    >
      <Typography.Text strong style={{ display: 'block', minHeight: 44 }}>
        {label}
      </Typography.Text>
      <Progress
        type="dashboard"
        size={132}
        percent={percentOf(target.rate)}
        strokeColor={colour}
        format={() =>
          target.available ? (
            <span style={{ fontSize: 20 }}>{formatRate(target.rate?.value)}</span>
          ) : (
            <span style={{ fontSize: 13, color: '#8c8c8c' }}>{t('dashboard.notAvailable')}</span>
          )
        }
      />
      <div>
        <Typography.Text type="secondary">{t('dashboard.threshold', { threshold })}</Typography.Text>
      </div>
      <Space size={4} style={{ marginTop: 4 }}>
        {state === 'met' && <Tag color="success">{t('dashboard.met')}</Tag>}
        {state === 'unmet' && <Tag color="error">{t('dashboard.unmet')}</Tag>}
        {state === 'empty' && <Tag>{t('dashboard.nothingCounted')}</Tag>}
        {state === 'unavailable' && <Tag>{t('dashboard.pendingPetitions')}</Tag>}
        {target.rate && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {target.rate.numerator.toLocaleString('en-US')} /{' '}
            {target.rate.denominator.toLocaleString('en-US')}
          </Typography.Text>
        )}
      </Space>
      {window && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.window', { from: window.from, to: window.to })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** 网络查控立案当日启动率: the leading indicator, whose target is every case, started on its filing day. */
function InquiryIndicator({ period }: { period: Period }) {
  const t = useT();
  const remote = useRemote((signal) => api.getInquiryIndicator(period, signal), [period.from, period.to]);
  return (
    <Card title={t('dashboard.inquiry.title')} size="small" data-testid="inquiry-indicator">
      {remote.error !== null && (
        <ProblemAlert error={remote.error} title={t('dashboard.inquiry.loadFailed')} />
      )}
      {remote.data === null && remote.error === null && <Card loading variant="borderless" />}
      {remote.data && <InquiryIndicatorBody view={remote.data} />}
    </Card>
  );
}

function InquiryIndicatorBody({ view }: { view: InquiryIndicatorView }) {
  const t = useT();
  const state = view.rate === null ? 'empty' : view.rate >= 1 ? 'met' : 'unmet';
  const colour = state === 'met' ? '#52c41a' : state === 'unmet' ? '#cf1322' : '#bfbfbf';
  return (
    <Row gutter={[24, 16]} data-state={state} data-testid="inquiry-indicator-body">
      <Col xs={24} md={8} style={{ textAlign: 'center' }}>
        <Progress
          type="dashboard"
          size={132}
          percent={view.rate === null ? 0 : Math.round(view.rate * 10000) / 100}
          strokeColor={colour}
          format={() => (
            <span style={{ fontSize: 20 }} data-testid="inquiry-indicator-rate">
              {formatRate(view.rate)}
            </span>
          )}
        />
        <div>
          <Typography.Text type="secondary">
            {t('dashboard.threshold', { threshold: '100%' })}
          </Typography.Text>
        </div>
        <Space size={4} style={{ marginTop: 4 }}>
          {state === 'met' && <Tag color="success">{t('dashboard.met')}</Tag>}
          {state === 'unmet' && <Tag color="error">{t('dashboard.unmet')}</Tag>}
          {state === 'empty' && <Tag>{t('dashboard.nothingCounted')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {view.startedOnTime.toLocaleString('en-US')} / {view.implementationCases.toLocaleString('en-US')}
          </Typography.Text>
        </Space>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.inquiry.hint')}
          </Typography.Text>
        </div>
      </Col>
      <Col xs={24} md={16}>
        <Typography.Text strong>{t('dashboard.inquiry.late', { count: view.late.length })}</Typography.Text>
        <Table<LateInquiryStartView>
          rowKey="caseId"
          size="small"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={view.late}
          locale={{ emptyText: t('dashboard.inquiry.noneLate') }}
          columns={[
            {
              title: t('cases.col.caseNumber'),
              dataIndex: 'caseNumber',
              render: (caseNumber: string, row) => (
                <a href={paths.caseDetail(row.caseId, 'assets')}>{caseNumber}</a>
              ),
            },
            { title: t('assets.report.filingDate'), dataIndex: 'filingDate', width: 120 },
            {
              title: t('dashboard.inquiry.firstDispatchedOn'),
              dataIndex: 'firstDispatchedOn',
              width: 140,
              render: (value?: string) => value ?? t('dashboard.inquiry.notStarted'),
            },
          ]}
        />
      </Col>
    </Row>
  );
}

function Rates({ metrics }: { metrics: CourtMetricsView }) {
  const t = useT();
  return (
    <Card title={t('dashboard.rates')} size="small" data-testid="rates">
      <Row gutter={[24, 12]}>
        {RATES.map(({ key, label, money }) => {
          const rate = metrics.rates[key];
          const amount = (n: number) => (money ? formatFen(n) : n.toLocaleString('en-US'));
          return (
            <Col key={key} xs={24} md={12} xl={8} data-testid="rate" data-rate={key}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>{t(label)}</Typography.Text>
                <Tooltip title={t(`dashboard.rateHint.${key}`)}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {amount(rate.numerator)} / {amount(rate.denominator)}
                  </Typography.Text>
                </Tooltip>
              </Space>
              <Progress
                percent={percentOf(rate)}
                format={() => formatRate(rate.value)}
                strokeColor="#1d3f8f"
              />
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

function Charts({ metrics }: { metrics: CourtMetricsView }) {
  const t = useT();
  const months = metrics.months.map((m) => ({ ...m, label: m.month }));
  const closures = metrics.closuresByType.map((c) => ({
    name: t(`closureType.${c.closureType}`),
    count: c.count,
  }));
  const modes = metrics.fullyExecutedByMode.filter((m) => m.count > 0);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('dashboard.monthly')} size="small">
          <div data-testid="chart-monthly" style={{ width: '100%', height: 300 }}>
            {months.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <ChartTooltip />
                  <Legend itemSorter={(item) => (item.dataKey === 'received' ? 0 : 1)} />
                  <Bar dataKey="received" name={t('dashboard.received')} fill={RECEIVED_COLOUR} />
                  <Bar dataKey="closed" name={t('dashboard.closed')} fill={CLOSED_COLOUR} />
                </BarChart>
              </ResponsiveContainer>
            )}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('dashboard.byClosureType')} size="small">
          <div data-testid="chart-closures" style={{ width: '100%', height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={closures} layout="vertical" margin={{ top: 8, right: 24, bottom: 0, left: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={120} />
                <ChartTooltip />
                <Bar dataKey="count" name={t('dashboard.count')} fill={RECEIVED_COLOUR} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {modes.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 8 }}
              title={t('dashboard.byMode', {
                modes: modes
                  .map((m) => `${t(`performanceMode.${m.performanceMode}`)} ${String(m.count)}`)
                  .join('，'),
              })}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
