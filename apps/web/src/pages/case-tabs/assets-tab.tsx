import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, FormInstance, TableColumnsType } from 'antd';
import {
  AgencyKind,
  AssetValueKind,
  CaseInquiryStatus,
  CaseStatus,
  ControlKind,
  ControlStatus,
  InquiryStatus,
  LeadKind,
  LeadResult,
  LeadStatus,
  formatFen,
  parseYuanToFen,
  type CaseControlsView,
  type ControlView,
  type Fen,
  type FoundAssetView,
  type InquiryReportView,
  type LeadView,
  type PartyView,
  type ResearchScheduleView,
  type RespondentReportView,
} from '@writ/contracts/web';
import { useEffect, useState, type HTMLAttributes } from 'react';
import {
  api,
  ApiError,
  useIdempotencyKey,
  type CheckLeadBody,
  type OrderControlBody,
  type RecordLeadBody,
  type ReleaseControlBody,
  type RenewControlBody,
} from '../../api/client';
import { useRemote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { ActionButton } from '../../components/action-button';
import { textRules } from '../../components/form-rules';
import { optionWithTestId } from '../../components/option-test-id';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { formatInstant } from '../../format';
import { useAgencyKinds } from '../../agency-kinds';
import { useT } from '../../i18n';
import type { CaseTabProps } from './case-tab-props';

/** How often the controls are looked at again while an order waits for its agency's answer. */
const CONTROL_POLL_MS = 2_000;

/** A control's term counts down in red from this many days (the court's 到期预警 window). */
const EXPIRY_WARNING_DAYS = 30;

const controlStatusColour: Record<ControlStatus, string> = {
  [ControlStatus.Pending]: 'processing',
  [ControlStatus.Queued]: 'gold',
  [ControlStatus.Effective]: 'red',
  [ControlStatus.Refused]: 'default',
  [ControlStatus.Failed]: 'error',
  [ControlStatus.Released]: 'green',
  [ControlStatus.Lapsed]: 'default',
  [ControlStatus.Deducted]: 'cyan',
};

const inquiryColour: Record<InquiryStatus, string> = {
  [InquiryStatus.Pending]: 'processing',
  [InquiryStatus.Answered]: 'success',
  [InquiryStatus.Failed]: 'error',
};

/** Controls still counted against the limit and still open to renewal or release. */
const LIVE: readonly ControlStatus[] = [ControlStatus.Pending, ControlStatus.Queued, ControlStatus.Effective];

/** The hold an agency's record usually takes, chosen for the officer when he picks the asset. */
const USUAL_HOLD: Partial<Record<AgencyKind, ControlKind>> = {
  [AgencyKind.RealEstate]: ControlKind.Seize,
  [AgencyKind.Vehicle]: ControlKind.Seize,
};

/** 财产查控: the inquiry report, the controls against the over-control limit, leads, and 终本 re-searches. */
export function AssetsTab({ caseId, detail, version, onChanged }: CaseTabProps) {
  const t = useT();
  const can = useCan();
  // the page polls the case while the inquiry runs: follow its progress as answers come in
  const answered =
    detail.inquiry?.inquiries.filter((row) => row.status !== InquiryStatus.Pending).length ?? 0;
  const report = useRemote(
    (signal) => api.getInquiryReport(caseId, signal),
    [caseId, version, detail.inquiry?.status, answered],
  );
  const controls = useRemote((signal) => api.listControls(caseId, signal), [caseId, version]);
  // an order is in force only once its agency answers: follow it until no control waits for one
  const awaitingAgency = controls.data?.controls.some((c) => c.status === ControlStatus.Pending) ?? false;
  const reloadControls = controls.reload;
  useEffect(() => {
    if (!awaitingAgency || controls.loading) return;
    const timer = setTimeout(reloadControls, CONTROL_POLL_MS);
    return () => clearTimeout(timer);
  }, [awaitingAgency, controls.loading, controls.data, reloadControls]);
  const leads = useRemote((signal) => api.listLeads(caseId, signal), [caseId, version]);
  const research = useRemote((signal) => api.getResearch(caseId, signal), [caseId, version]);
  const open = detail.status !== CaseStatus.Closed;
  const mayControl = can('orderControl');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('assets.report.title')} size="small" data-testid="inquiry-report">
        <RemoteView remote={report} failedTitle={t('assets.report.loadFailed')}>
          {(view) => (
            <InquiryReport
              report={view}
              mayResend={can('resendInquiry') && open}
              onResent={() => {
                report.reload();
                onChanged();
              }}
            />
          )}
        </RemoteView>
      </Card>
      <Card title={t('assets.controls.title')} size="small" data-testid="controls-panel">
        <RemoteView remote={controls} failedTitle={t('assets.controls.loadFailed')}>
          {(view) => (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <ControlLimit view={view} />
              <ControlTable
                controls={view.controls}
                parties={detail.parties}
                mayChange={mayControl}
                excessFen={view.excessFen}
                onChanged={onChanged}
              />
            </Space>
          )}
        </RemoteView>
      </Card>
      {mayControl && open && controls.data && (
        <OrderControl
          caseId={caseId}
          view={controls.data}
          assets={detail.inquiry?.assets ?? []}
          parties={detail.parties}
          onChanged={onChanged}
        />
      )}
      <Card
        title={t('assets.leads.title')}
        size="small"
        data-testid="leads-panel"
        extra={can('recordLead') && open && <RecordLead caseId={caseId} onDone={onChanged} />}
      >
        <RemoteView remote={leads} failedTitle={t('assets.leads.loadFailed')}>
          {(reply) => <LeadTable leads={reply.items} mayCheck={can('checkLead')} onChanged={onChanged} />}
        </RemoteView>
      </Card>
      {research.error !== null && (
        <ProblemAlert error={research.error} title={t('assets.research.loadFailed')} />
      )}
      {research.data && <Research schedule={research.data} />}
    </Space>
  );
}

/* ------------------------------------------------------------------ inquiry report */

interface ReportRow {
  inquiryId: string;
  kind: AgencyKind;
  status: InquiryStatus;
  round: number;
  attempts?: number;
  lastError?: string;
  at?: string;
  assetsFound?: number;
  valueFen?: Fen;
}

/** One respondent's answers, failures and pending inquiries as one list, in the order of the agency kinds. */
function rowsOf(respondent: RespondentReportView): ReportRow[] {
  // national kinds in the network's order, a province's own sources after them
  const national: readonly string[] = Object.values(AgencyKind);
  const order = (kind: string) => (national.includes(kind) ? national.indexOf(kind) : national.length);
  return [
    ...respondent.answered.map((a) => ({ ...a, status: InquiryStatus.Answered, at: a.answeredAt })),
    ...respondent.failed.map((f) => ({ ...f, status: InquiryStatus.Failed, at: f.failedAt })),
    ...respondent.pending.map((p) => ({ ...p, status: InquiryStatus.Pending })),
  ].sort((a, b) => order(a.kind) - order(b.kind) || a.round - b.round);
}

function InquiryReport({
  report,
  mayResend,
  onResent,
}: {
  report: InquiryReportView;
  mayResend: boolean;
  onResent: () => void;
}) {
  const t = useT();
  const kinds = useAgencyKinds();
  const { message } = App.useApp();
  const [resending, setResending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function resend(inquiryId?: string): Promise<void> {
    setResending(inquiryId ?? 'all');
    setError(null);
    try {
      const reply = await api.resendInquiries(report.caseId, inquiryId);
      void message.success(t('assets.report.resent', { count: reply.inquiryIds.length }));
      onResent();
    } catch (caught) {
      setError(caught);
    } finally {
      setResending(null);
    }
  }

  const onTime = report.startedOnTime === null ? 'unknown' : report.startedOnTime ? 'onTime' : 'late';
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('assets.report.status'),
      children: t(`caseInquiry.${report.status}`),
    },
    { key: 'filingDate', label: t('assets.report.filingDate'), children: report.filingDate ?? '—' },
    {
      key: 'firstDispatched',
      label: t('assets.report.firstDispatchedAt'),
      children: formatInstant(report.firstDispatchedAt),
    },
    {
      key: 'onTime',
      label: t('assets.report.startedOnTime'),
      children: (
        <span data-testid="inquiry-started-on-time" data-state={onTime}>
          <Tag color={onTime === 'onTime' ? 'success' : onTime === 'late' ? 'error' : 'default'}>
            {t(`assets.report.onTime.${onTime}`)}
          </Tag>
        </span>
      ),
    },
    {
      key: 'round',
      label: t('assets.report.round'),
      children:
        report.round === 0 ? t('assets.report.roundInitial') : t('assets.report.roundN', { n: report.round }),
    },
    {
      key: 'totals',
      label: t('assets.report.totals'),
      children: (
        <span data-testid="inquiry-totals">
          {t('assets.report.totalsValue', {
            answered: report.totals.answered,
            failed: report.totals.failed,
            pending: report.totals.pending,
            found: report.totals.assetsFound,
            value: formatFen(report.totals.valueFen),
          })}
        </span>
      ),
    },
  ];

  const columns: TableColumnsType<ReportRow> = [
    {
      title: t('detail.col.agency'),
      dataIndex: 'kind',
      width: 120,
      render: (_, row) => kinds.nameOf(row.kind),
    },
    {
      title: t('detail.col.inquiryStatus'),
      dataIndex: 'status',
      width: 100,
      render: (_, row) => {
        const tag = <Tag color={inquiryColour[row.status]}>{t(`inquiry.${row.status}`)}</Tag>;
        return row.lastError ? <Tooltip title={row.lastError}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: t('assets.report.found'),
      key: 'found',
      render: (_, row) =>
        row.status === InquiryStatus.Answered
          ? row.assetsFound
            ? t('assets.report.foundValue', { count: row.assetsFound, value: formatFen(row.valueFen ?? 0) })
            : t('assets.report.nothingFound')
          : row.status === InquiryStatus.Failed
            ? (row.lastError ?? '—')
            : t('assets.report.waiting'),
    },
    {
      title: t('detail.col.attempts'),
      dataIndex: 'attempts',
      width: 90,
      align: 'right',
      render: (v?: number) => v ?? '—',
    },
    { title: t('assets.report.at'), dataIndex: 'at', width: 150, render: (v?: string) => formatInstant(v) },
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_, row) =>
        mayResend && row.status === InquiryStatus.Failed ? (
          <Button
            size="small"
            data-testid="resend-inquiry"
            loading={resending === row.inquiryId}
            onClick={() => void resend(row.inquiryId)}
          >
            {t('assets.report.resend')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }} items={items} />
      {report.status === CaseInquiryStatus.NotStarted && (
        <Alert type="info" showIcon title={t('detail.noInquiryYet')} />
      )}
      {error !== null && <ProblemAlert error={error} title={t('assets.report.resendFailed')} />}
      {mayResend && report.totals.failed > 1 && (
        <Button
          data-testid="resend-all-inquiries"
          loading={resending === 'all'}
          onClick={() => void resend()}
        >
          {t('assets.report.resendAll', { count: report.totals.failed })}
        </Button>
      )}
      {report.respondents.map((respondent) => (
        <div key={respondent.respondentIdNumber} data-testid="report-respondent">
          <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
            {respondent.respondentName}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
              {respondent.respondentIdNumber}
            </Typography.Text>
          </Typography.Title>
          <Table<ReportRow>
            rowKey="inquiryId"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={rowsOf(respondent)}
            onRow={(row) =>
              ({
                'data-testid': 'report-row',
                'data-kind': row.kind,
                'data-status': row.status,
              }) as HTMLAttributes<HTMLElement>
            }
          />
        </div>
      ))}
    </Space>
  );
}

/* ------------------------------------------------------------------ controls */

/** What is left under the over-control limit (查封规定 Art 19). */
function roomOf(view: CaseControlsView): Fen {
  return Math.max(0, view.limitFen - view.controlledFen);
}

function ControlLimit({ view }: { view: CaseControlsView }) {
  const t = useT();
  const room = roomOf(view);
  const percent =
    view.limitFen === 0 ? 0 : Math.min(100, Math.round((view.controlledFen / view.limitFen) * 100));
  const figures: { key: string; label: string; value: Fen }[] = [
    { key: 'claim', label: t('assets.controls.claim'), value: view.claimFen },
    { key: 'costs', label: t('assets.controls.costs'), value: view.costsFen },
    { key: 'recovered', label: t('assets.controls.recovered'), value: view.recoveredFen },
    { key: 'owed', label: t('assets.controls.owed'), value: view.owedFen },
    { key: 'limit', label: t('assets.controls.limit'), value: view.limitFen },
    { key: 'controlled', label: t('assets.controls.controlled'), value: view.controlledFen },
  ];
  return (
    <div>
      {view.fullyPaidOn && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('assets.controls.fullyPaid', { date: view.fullyPaidOn })}
        />
      )}
      {view.excessFen > 0 && (
        <span data-testid="control-excess" data-fen={view.excessFen}>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={`${t('assets.controls.excess')} ${formatFen(view.excessFen)}`}
            description={t('assets.controls.excessHint')}
          />
        </span>
      )}
      <Row gutter={[16, 8]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={4}>
            <span data-testid={`control-${figure.key}`} data-fen={figure.value}>
              <Statistic title={figure.label} value={formatFen(figure.value)} valueStyle={{ fontSize: 18 }} />
            </span>
          </Col>
        ))}
      </Row>
      <Tooltip title={t('assets.controls.limitHint')}>
        <Progress
          percent={percent}
          status={view.controlledFen > view.limitFen ? 'exception' : 'normal'}
          format={() => t('assets.controls.room', { room: formatFen(room) })}
        />
      </Tooltip>
    </div>
  );
}

/** Days left in a control's term, red within the 到期预警 window. */
export function ExpiryCountdown({ control }: { control: ControlView }) {
  const t = useT();
  if (control.daysToExpiry === undefined || control.status !== ControlStatus.Effective) return <>—</>;
  const days = control.daysToExpiry;
  const soon = days <= EXPIRY_WARNING_DAYS;
  return (
    <span data-testid="control-countdown" data-days={days} data-soon={String(soon)}>
      <Tag color={soon ? 'red' : 'blue'}>
        {days < 0 ? t('assets.controls.expired') : t('assets.controls.daysLeft', { days })}
      </Tag>
    </span>
  );
}

function ControlTable({
  controls,
  parties,
  mayChange,
  excessFen,
  onChanged,
}: {
  controls: ControlView[];
  parties: PartyView[];
  mayChange: boolean;
  /** what the case holds over its limit: offered as 释放超标部分 on a freeze */
  excessFen: Fen;
  onChanged: () => void;
}) {
  const t = useT();
  const kinds = useAgencyKinds();
  const nameOf = new Map(parties.map((party) => [party.idNumber, party.name]));
  const mayHandOver = useCan()('handToAuction');
  const columns: TableColumnsType<ControlView> = [
    {
      title: t('assets.controls.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (_, row) => t(`controlKind.${row.kind}`),
    },
    {
      title: t('assets.controls.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span data-testid="control-status" data-status={row.status}>
            <Tag color={controlStatusColour[row.status]}>{t(`controlStatus.${row.status}`)}</Tag>
          </span>
          {row.status === ControlStatus.Queued && row.queuedBehind && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assets.controls.queuedBehind', { caseNumber: row.queuedBehind })}
            </Typography.Text>
          )}
          {row.endReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`controlEndReason.${row.endReason}`)} {row.endedOn ?? ''}
            </Typography.Text>
          )}
          {row.carriedFromCaseId && (
            <span data-testid="control-carried">
              <Tag color="purple">{t('assets.controls.carried')}</Tag>
            </span>
          )}
          {row.pendingApproval && (
            <span data-testid="control-pending-approval" data-action={row.pendingApproval.action}>
              <Tooltip
                title={t('assets.controls.pendingApprovalBy', {
                  name: row.pendingApproval.requestedByName,
                  action: t(`controlApprovalAction.${row.pendingApproval.action}`),
                })}
              >
                <Tag color="gold">{t('assets.controls.pendingApproval')}</Tag>
              </Tooltip>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.pendingApproval.requestedByName} ·{' '}
                {t(`controlApprovalAction.${row.pendingApproval.action}`)}
                {row.pendingApproval.amountFen !== undefined
                  ? ` ${formatFen(row.pendingApproval.amountFen)}`
                  : ''}
              </Typography.Text>
            </span>
          )}
          {row.handedToAuction && (
            <span data-testid="control-handed-to-auction">
              <Tooltip title={`${row.handedToAuction.byName} · ${formatInstant(row.handedToAuction.at)}`}>
                <Tag color="geekblue">{t('assets.controls.handedToAuction')}</Tag>
              </Tooltip>
            </span>
          )}
        </Space>
      ),
    },
    {
      title: t('assets.controls.asset'),
      key: 'asset',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>
            {kinds.nameOf(row.agencyKind)} · {row.holder}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.identifier} · {nameOf.get(row.respondentIdNumber) ?? row.respondentIdNumber}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('assets.controls.amount'),
      key: 'amount',
      width: 190,
      align: 'right',
      render: (_, row) => {
        const partial =
          row.status === ControlStatus.Effective && row.amountFen + row.deductedFen < row.requestedFen;
        return (
          <Space orientation="vertical" size={0} align="end">
            <span data-testid="control-amount">{formatFen(row.amountFen)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assets.controls.requested', { amount: formatFen(row.requestedFen) })}
            </Typography.Text>
            {partial && <Tag color="orange">{t('assets.controls.partial')}</Tag>}
            {row.deductedFen > 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assets.controls.deducted', { amount: formatFen(row.deductedFen) })}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
    {
      title: t('assets.controls.term'),
      key: 'term',
      width: 200,
      render: (_, row) =>
        row.effectiveOn ? (
          <Space orientation="vertical" size={0}>
            <span>
              {row.effectiveOn} — {row.expiresOn ?? '—'}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('assets.controls.termValue', { months: row.termMonths ?? '—', renewals: row.renewals })}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('assets.controls.expiry'),
      key: 'expiry',
      width: 110,
      render: (_, row) => <ExpiryCountdown control={row} />,
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, row) =>
        mayChange && LIVE.includes(row.status) ? (
          <Space size={0}>
            {row.status === ControlStatus.Effective && <RenewControl control={row} onDone={onChanged} />}
            <ReleaseControl control={row} excessFen={excessFen} onDone={onChanged} />
            {mayHandOver &&
              row.status === ControlStatus.Effective &&
              row.kind !== ControlKind.Freeze &&
              !row.handedToAuction && <HandToAuction control={row} onDone={onChanged} />}
          </Space>
        ) : null,
    },
  ];
  return (
    <div data-testid="controls-table">
      <Table<ControlView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={controls}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('assets.controls.none') }}
        onRow={(row) =>
          ({ 'data-testid': 'control-row', 'data-status': row.status }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}

function RenewControl({ control, onDone }: { control: ControlView; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  const label = t(
    control.kind === ControlKind.Freeze ? 'assets.controls.renewFreeze' : 'assets.controls.renewSeize',
  );
  return (
    <ActionButton<{ termMonths?: number | null }>
      label={label}
      testId="renew-control"
      type="link"
      initialValues={{ termMonths: control.termMonths ?? null }}
      fields={() => (
        <Form.Item
          label={t('assets.controls.termMonths')}
          name="termMonths"
          extra={t('assets.controls.termMonthsHint', { months: control.termMonths ?? '—' })}
        >
          <InputNumber min={1} max={control.termMonths ?? 36} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      submit={(values) => {
        const body: RenewControlBody = values.termMonths ? { termMonths: values.termMonths } : {};
        return api.renewControl(control.id, body, keyFor({ id: control.id, ...body }));
      }}
      onDone={onDone}
    />
  );
}

function HandToAuction({ control, onDone }: { control: ControlView; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<Record<string, never>>
      label={t('assets.controls.handToAuction')}
      title={t('assets.controls.handToAuctionTitle', { identifier: control.identifier })}
      testId="hand-to-auction"
      type="link"
      fields={() => <Typography.Paragraph>{t('assets.controls.handToAuctionHint')}</Typography.Paragraph>}
      submit={() => api.handToAuction(control.id, keyFor({ id: control.id, handOver: true }))}
      onDone={onDone}
    />
  );
}

function ReleaseControl({
  control,
  excessFen,
  onDone,
}: {
  control: ControlView;
  excessFen: Fen;
  onDone: () => void;
}) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  // 部分解除 only of a money freeze in force; the service refuses it for anything else
  const partly = control.kind === ControlKind.Freeze && control.status === ControlStatus.Effective;
  const excess = Math.min(excessFen, control.amountFen);
  return (
    <ActionButton<{ reason?: string; amountYuan?: string }>
      label={t('assets.controls.release')}
      title={t('assets.controls.releaseTitle', {
        kind: t(`controlKind.${control.kind}`),
        identifier: control.identifier,
      })}
      testId="release-control"
      type="link"
      danger
      fields={(form) => (
        <>
          {partly && (
            <Form.Item
              label={t('assets.controls.releaseAmountYuan')}
              extra={t('assets.controls.releaseAmountHint')}
            >
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  noStyle
                  name="amountYuan"
                  rules={[
                    {
                      validator: (_: unknown, value: unknown) => {
                        const text = typeof value === 'string' ? value.trim() : '';
                        if (text === '') return Promise.resolve();
                        const fen = parseYuanToFen(text);
                        if (fen === null) return Promise.reject(new Error(t('form.amountInvalid')));
                        if (fen === 0) return Promise.reject(new Error(t('form.amountZero')));
                        return Promise.resolve();
                      },
                    },
                  ]}
                >
                  <Input
                    data-testid="release-amount-yuan"
                    prefix="¥"
                    inputMode="decimal"
                    placeholder="0.00"
                  />
                </Form.Item>
                {excess > 0 && (
                  <Button
                    data-testid="release-excess"
                    onClick={() => form.setFieldsValue({ amountYuan: (excess / 100).toFixed(2) })}
                  >
                    {t('assets.controls.releaseExcess')} {formatFen(excess)}
                  </Button>
                )}
              </Space.Compact>
            </Form.Item>
          )}
          <Form.Item
            label={t('form.reason')}
            name="reason"
            rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const reason = values.reason?.trim();
        const amountFen = values.amountYuan?.trim() ? parseYuanToFen(values.amountYuan) : null;
        const body: ReleaseControlBody = {
          ...(amountFen ? { amountFen } : {}),
          ...(reason ? { reason } : {}),
        };
        return api.releaseControl(control.id, body, keyFor({ id: control.id, ...body }));
      }}
      onDone={onDone}
    />
  );
}

interface OrderForm {
  kind: ControlKind;
  assetId?: string;
  controlId?: string;
  amountYuan?: string;
  note?: string;
}

/** Money in accounts (存款类) before the catalog has loaded: the national deposit-class kinds. */
const MONEY: readonly AgencyKind[] = [
  AgencyKind.BankDeposit,
  AgencyKind.OnlinePayment,
  AgencyKind.HousingFund,
];

/** What the order would add against the limit, as far as the form knows it: money asked, or the asset's value. */
function addingFen(
  values: Partial<OrderForm>,
  asset: FoundAssetView | undefined,
  isMoney: (kind: string) => boolean | null = () => null,
): Fen | null {
  if (values.kind === ControlKind.Deduct) return 0; // moves frozen money; adds nothing
  const typed = values.amountYuan ? parseYuanToFen(values.amountYuan) : null;
  if (asset && (isMoney(asset.kind) ?? MONEY.includes(asset.kind)))
    return typed ?? (asset.valueKind === AssetValueKind.None ? null : asset.amountFen);
  return asset && asset.valueKind !== AssetValueKind.None ? asset.amountFen : null;
}

function OrderControl({
  caseId,
  view,
  assets,
  parties,
  onChanged,
}: {
  caseId: string;
  view: CaseControlsView;
  assets: FoundAssetView[];
  parties: PartyView[];
  onChanged: () => void;
}) {
  const t = useT();
  const kinds = useAgencyKinds();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderForm>();
  const keyFor = useIdempotencyKey();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameOf = new Map(parties.map((party) => [party.idNumber, party.name]));
  const held = new Set(view.controls.filter((c) => LIVE.includes(c.status)).map((c) => c.assetId));
  const freezes = view.controls.filter(
    (c) =>
      c.kind === ControlKind.Freeze &&
      c.status === ControlStatus.Effective &&
      MONEY.includes(c.agencyKind) &&
      c.amountFen > 0,
  );

  async function order(values: OrderForm): Promise<void> {
    const deduct = values.kind === ControlKind.Deduct;
    const amountFen = values.amountYuan ? parseYuanToFen(values.amountYuan) : null;
    const note = values.note?.trim();
    const body: OrderControlBody = {
      kind: values.kind,
      ...(deduct ? { controlId: values.controlId } : { assetId: values.assetId }),
      ...(amountFen ? { amountFen } : {}),
      ...(note ? { note } : {}),
    };
    setSending(true);
    setError(null);
    try {
      const control = await api.orderControl(caseId, body, keyFor(body));
      void message.success(
        t('assets.order.sent', {
          kind: t(`controlKind.${values.kind}`),
          status: t(`controlStatus.${control.status}`),
        }),
      );
      form.resetFields();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  const overControl = error instanceof ApiError && error.problem.rule === 'OVER_CONTROL';
  return (
    <Card title={t('assets.order.title')} size="small" data-testid="order-control">
      <Form<OrderForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: ControlKind.Freeze }}
        onFinish={(values) => void order(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('assets.controls.kind')} name="kind" rules={[{ required: true }]}>
              <Select<ControlKind>
                data-testid="control-kind"
                optionRender={optionWithTestId('control-kind-option')}
                options={Object.values(ControlKind).map((value) => ({
                  value,
                  label: t(`controlKind.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['kind']}>
            {() =>
              form.getFieldValue('kind') === ControlKind.Deduct ? (
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('assets.order.fromFreeze')}
                    name="controlId"
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Select
                      data-testid="control-freeze"
                      notFoundContent={t('assets.order.noFreeze')}
                      options={freezes.map((c) => ({
                        value: c.id,
                        label: `${c.holder} ${c.identifier}（${formatFen(c.amountFen)}）`,
                      }))}
                    />
                  </Form.Item>
                </Col>
              ) : (
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('assets.order.asset')}
                    name="assetId"
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Select
                      data-testid="control-asset"
                      optionRender={optionWithTestId('control-asset-option')}
                      notFoundContent={t('detail.noAssets')}
                      onChange={(assetId: string) => {
                        const asset = assets.find((a) => a.id === assetId);
                        const usual = asset && USUAL_HOLD[asset.kind];
                        form.setFieldsValue({ kind: usual ?? ControlKind.Freeze });
                      }}
                      options={assets.map((a) => ({
                        value: a.id,
                        disabled: held.has(a.id),
                        label: `${kinds.nameOf(a.kind)} · ${a.holder} ${a.identifier} · ${nameOf.get(a.respondentIdNumber) ?? a.respondentIdNumber}${
                          a.valueKind === AssetValueKind.None ? '' : `（${formatFen(a.amountFen)}）`
                        }${held.has(a.id) ? ` · ${t('assets.order.held')}` : ''}`,
                      }))}
                    />
                  </Form.Item>
                </Col>
              )
            }
          </Form.Item>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('assets.order.amountYuan')}
              name="amountYuan"
              extra={t('assets.order.amountHint')}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_: unknown, value: unknown) => {
                    const text = typeof value === 'string' ? value.trim() : '';
                    if (text === '')
                      return getFieldValue('kind') === ControlKind.Deduct
                        ? Promise.reject(new Error(t('form.required')))
                        : Promise.resolve();
                    const fen = parseYuanToFen(text);
                    if (fen === null) return Promise.reject(new Error(t('form.amountInvalid')));
                    if (fen === 0) return Promise.reject(new Error(t('form.amountZero')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Input data-testid="control-amount-yuan" prefix="¥" inputMode="decimal" placeholder="0.00" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item noStyle dependencies={['kind', 'assetId', 'amountYuan']}>
          {() => <LimitPreview form={form} view={view} assets={assets} />}
        </Form.Item>
        <Form.Item
          label={t('measures.note')}
          name="note"
          rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        {error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert
              error={error}
              testId={overControl ? 'over-control' : 'order-problem'}
              title={t(overControl ? 'assets.order.overControl' : 'assets.order.failed')}
              describe={(fieldError) =>
                fieldError.rule === 'overControl'
                  ? t('assets.order.overControlRoom', {
                      room: formatFen(roomOf(view)),
                      limit: formatFen(view.limitFen),
                    })
                  : fieldError.message
              }
            />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={sending} data-testid="control-submit">
          {t('assets.order.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The limit, what is controlled and the room left, and whether this order would go over — before sending. */
function LimitPreview({
  form,
  view,
  assets,
}: {
  form: FormInstance<OrderForm>;
  view: CaseControlsView;
  assets: FoundAssetView[];
}) {
  const t = useT();
  const kinds = useAgencyKinds();
  const values = form.getFieldsValue() as Partial<OrderForm>;
  const asset = assets.find((a) => a.id === values.assetId);
  const adding = addingFen(values, asset, kinds.isMoney);
  const room = roomOf(view);
  const over = adding !== null && adding > room;
  const text = t('assets.order.limitLine', {
    limit: formatFen(view.limitFen),
    controlled: formatFen(view.controlledFen),
    room: formatFen(room),
  });
  return (
    <div data-testid="order-limit" data-room={room} style={{ marginBottom: 16 }}>
      <Alert
        type={over ? 'warning' : 'info'}
        showIcon
        title={text}
        description={
          adding !== null && adding > 0
            ? t(over ? 'assets.order.wouldExceed' : 'assets.order.wouldFit', { adding: formatFen(adding) })
            : undefined
        }
      />
    </div>
  );
}

/* ------------------------------------------------------------------ leads */

function LeadTable({
  leads,
  mayCheck,
  onChanged,
}: {
  leads: LeadView[];
  mayCheck: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const columns: TableColumnsType<LeadView> = [
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
        <Space orientation="vertical" size={0}>
          <span>
            {row.description} {row.urgent && <Tag color="volcano">{t('assets.leads.urgent')}</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assets.leads.providedByValue', { by: row.providedBy, on: row.receivedOn })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('assets.leads.dueOn'),
      dataIndex: 'dueOn',
      width: 150,
      render: (_, row) => (
        <span data-testid="lead-due" data-overdue={String(row.overdue)}>
          <Typography.Text type={row.overdue || row.checkedLate ? 'danger' : undefined}>
            {row.dueOn}
          </Typography.Text>{' '}
          {row.overdue && <Tag color="red">{t('assets.leads.overdue')}</Tag>}
          {row.checkedLate && <Tag color="orange">{t('assets.leads.checkedLate')}</Tag>}
        </span>
      ),
    },
    {
      title: t('assets.leads.result'),
      key: 'result',
      width: 220,
      render: (_, row) =>
        row.status === LeadStatus.Checked && row.result ? (
          <Space orientation="vertical" size={0}>
            <Tag color={row.result === LeadResult.Found ? 'success' : 'default'}>
              {t(`leadResult.${row.result}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.checkedOn} {row.note}
            </Typography.Text>
          </Space>
        ) : mayCheck ? (
          <CheckLead lead={row} onDone={onChanged} />
        ) : (
          <Tag>{t('assets.leads.open')}</Tag>
        ),
    },
  ];
  return (
    <div data-testid="leads-table">
      <Table<LeadView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={leads}
        locale={{ emptyText: t('assets.leads.none') }}
      />
    </div>
  );
}

function CheckLead({ lead, onDone }: { lead: LeadView; onDone: () => void }) {
  const t = useT();
  return (
    <ActionButton<CheckLeadBody>
      label={t('assets.leads.check')}
      testId="check-lead"
      type="link"
      initialValues={{ result: LeadResult.Found }}
      fields={() => (
        <>
          <Form.Item label={t('assets.leads.result')} name="result" rules={[{ required: true }]}>
            <Select<LeadResult>
              options={Object.values(LeadResult).map((value) => ({ value, label: t(`leadResult.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('assets.leads.checkNote')} name="note" rules={textRules(t, 1, 1000)}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
        </>
      )}
      submit={(values) => api.checkLead(lead.id, { result: values.result, note: values.note.trim() })}
      onDone={onDone}
    />
  );
}

function RecordLead({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<RecordLeadBody>
      label={t('assets.leads.record')}
      testId="record-lead"
      initialValues={{ kind: LeadKind.BankDeposit, urgent: false }}
      fields={() => (
        <>
          <Form.Item label={t('assets.leads.kind')} name="kind" rules={[{ required: true }]}>
            <Select<LeadKind>
              options={Object.values(LeadKind).map((value) => ({ value, label: t(`leadKind.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('assets.leads.description')} name="description" rules={textRules(t, 1, 1000)}>
            <Input.TextArea
              autoSize={{ minRows: 2 }}
              maxLength={1000}
              placeholder={t('assets.leads.descriptionHint')}
            />
          </Form.Item>
          <Form.Item label={t('assets.leads.providedBy')} name="providedBy" rules={textRules(t, 1, 200)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('assets.leads.urgent')}
            name="urgent"
            valuePropName="checked"
            extra={t('assets.leads.urgentHint')}
          >
            <Switch />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: RecordLeadBody = {
          kind: values.kind,
          description: values.description.trim(),
          providedBy: values.providedBy.trim(),
          urgent: Boolean(values.urgent),
        };
        return api.recordLead(caseId, body, keyFor(body));
      }}
      onDone={onDone}
    />
  );
}

/* ------------------------------------------------------------------ 终本 re-search */

function Research({ schedule }: { schedule: ResearchScheduleView }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('assets.research.status'), children: t(`researchStatus.${schedule.status}`) },
    { key: 'closedOn', label: t('assets.research.closedOn'), children: schedule.closedOn },
    { key: 'endsOn', label: t('assets.research.endsOn'), children: schedule.endsOn },
    { key: 'nextDueOn', label: t('assets.research.nextDueOn'), children: schedule.nextDueOn ?? '—' },
    ...(schedule.stoppedOn
      ? [
          {
            key: 'stopped',
            label: t('assets.research.stopped'),
            children: `${schedule.stoppedOn} ${schedule.stoppedReason ?? ''}`,
          },
        ]
      : []),
  ];
  return (
    <Card title={t('assets.research.title')} size="small" data-testid="research-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 4 }} items={items} />
        <Table
          rowKey="round"
          size="small"
          pagination={false}
          dataSource={schedule.rounds}
          locale={{ emptyText: t('assets.research.noRounds') }}
          columns={[
            { title: t('assets.research.round'), dataIndex: 'round', width: 80 },
            {
              title: t('assets.research.startedAt'),
              dataIndex: 'startedAt',
              render: (v: string) => formatInstant(v),
            },
            {
              title: t('assets.research.completedAt'),
              dataIndex: 'completedAt',
              render: (v?: string) => formatInstant(v),
            },
            {
              title: t('assets.research.found'),
              key: 'found',
              render: (_, row) =>
                row.completedAt
                  ? t('assets.report.foundValue', {
                      count: row.assetsFound ?? 0,
                      value: formatFen(row.totalValueFen ?? 0),
                    })
                  : '—',
            },
            {
              title: t('assets.research.announced'),
              dataIndex: 'announcedAt',
              render: (v?: string) => (v ? <Tag color="red">{formatInstant(v)}</Tag> : '—'),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
