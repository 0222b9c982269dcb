import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import {
  CaseStatus,
  PartyRole,
  formatFen,
  parseYuanToFen,
  type Fen,
  type JournalTransactionView,
  type PayoutDeadlineView,
  type PayoutStatusName,
  type PayoutView,
} from '@writ/contracts/web';
import { useState, type HTMLAttributes } from 'react';
import { useIdempotencyKey } from '../../api/client';
import {
  downloadFile,
  ledgerApi,
  ledgerExports,
  type ConfirmPayoutBody,
  type RequestPayoutBody,
} from '../../api/ledger-client';
import { useRemote } from '../../api/use-remote';
import { useCan } from '../../auth/permissions';
import { ActionButton } from '../../components/action-button';
import { RecordReceipt } from '../../components/record-receipt';
import { dateRules, yuanRules } from '../../components/form-rules';
import { ProblemAlert } from '../../components/problem-alert';
import { RemoteView } from '../../components/remote-view';
import { formatInstant, today } from '../../format';
import { useT, type Translate } from '../../i18n';
import type { CaseTabProps } from './case-tab-props';
import { DistributionCard } from './distribution-card';

/** A receipt's payout deadline counts down in red from this many days (the ledger's due-soon alert). */
const DEADLINE_WARNING_DAYS = 5;

const payoutColour: Record<PayoutStatusName, string> = {
  PENDING_APPROVAL: 'gold',
  APPROVED: 'processing',
  PAID: 'success',
  REJECTED: 'default',
};

const TX_KINDS = [
  'RECEIPT',
  'SUSPENSE_RECEIPT',
  'SUSPENSE_MATCH',
  'FEE_SETTLEMENT',
  'PAYOUT_APPROVED',
  'PAYOUT_PAID',
  'DEPOSIT_HELD',
  'DEPOSIT_REFUNDED',
  'DEPOSIT_APPLIED',
  'DEPOSIT_FORFEITED',
  'FORFEIT_APPLIED',
  'REVERSAL',
] as const;
type TxKind = (typeof TX_KINDS)[number];

const ACCOUNT_KINDS = ['DEDICATED', 'CASE', 'PAYABLE', 'FEES', 'DEPOSIT', 'FORFEITED', 'SUSPENSE'] as const;
type AccountKindName = (typeof ACCOUNT_KINDS)[number];

/** A journal transaction's kind in the court's words (a kind the UI does not know shows as it came). */
export function txKindLabel(t: Translate, kind: string): string {
  return (TX_KINDS as readonly string[]).includes(kind) ? t(`txKind.${kind as TxKind}`) : kind;
}

/** An account code's kind in the court's words: `CASE:<id>` → 案款账户. */
export function accountLabel(t: Translate, code: string): string {
  const kind = code.split(':')[0] ?? '';
  return (ACCOUNT_KINDS as readonly string[]).includes(kind) ? t(`account.${kind as AccountKindName}`) : code;
}

/** The countdown to a payout deadline: red when 5 days or fewer are left, or when it has passed. */
export function DeadlineCountdown({ deadline, daysLeft }: { deadline: string; daysLeft: number }) {
  const t = useT();
  const urgent = daysLeft <= DEADLINE_WARNING_DAYS;
  return (
    <span data-testid="payout-countdown" data-urgent={String(urgent)}>
      <Tag color={urgent ? 'red' : 'blue'}>
        {daysLeft < 0
          ? t('money.deadline.overdueBy', { days: -daysLeft })
          : t('money.deadline.daysLeft', { days: daysLeft })}
      </Tag>
      <Typography.Text type="secondary">{deadline}</Typography.Text>
    </span>
  );
}

/** A button that downloads an Excel export, showing the refusal when there is one. */
export function DownloadButton({
  path,
  fileName,
  testId,
}: {
  path: string;
  fileName: string;
  testId: string;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Space orientation="vertical" size={4}>
      <Button
        data-testid={testId}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadFile(path, fileName)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('money.downloadExcel')}
      </Button>
      {error !== null && <ProblemAlert error={error} testId={`${testId}-problem`} />}
    </Space>
  );
}

/**
 * 案款: what came in for the case, what went out, what the case account holds and what is still owed;
 * each receipt with its 30-day payout deadline (执行款物管理规定 2017), the payouts, the distribution
 * plan (参与分配) and the journal. The fund manager records receipts, asks for payouts and confirms the
 * bank's payment here. A party sees the three sums of its own case only.
 */
export function MoneyTab(props: CaseTabProps & { partyOnly: boolean }) {
  return props.partyOnly ? (
    <PartyMoney caseId={props.caseId} version={props.version} />
  ) : (
    <StaffMoney {...props} />
  );
}

function PartyMoney({ caseId, version }: { caseId: string; version: number }) {
  const t = useT();
  const money = useRemote((signal) => ledgerApi.partyCaseMoney(caseId, signal), [caseId, version]);
  return (
    <Card title={t('money.summary')} size="small" data-testid="money-summary">
      <RemoteView remote={money} failedTitle={t('money.loadFailed')}>
        {(view) => (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Statistic title={t('money.received')} value={formatFen(view.receivedFen)} />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('money.paid')} value={formatFen(view.paidFen)} />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('money.held')} value={formatFen(view.heldFen)} />
            </Col>
          </Row>
        )}
      </RemoteView>
    </Card>
  );
}

function StaffMoney({ caseId, detail, version, onChanged }: CaseTabProps) {
  const t = useT();
  const can = useCan();
  const money = useRemote((signal) => ledgerApi.caseMoney(caseId, signal), [caseId, version]);
  const recovery = useRemote((signal) => ledgerApi.caseRecovery(caseId, signal), [caseId, version]);
  const payouts = useRemote((signal) => ledgerApi.casePayouts(caseId, signal), [caseId, version]);
  const plan = useRemote((signal) => ledgerApi.caseDistribution(caseId, signal), [caseId, version]);
  const [page, setPage] = useState(1);
  const journal = useRemote(
    (signal) => ledgerApi.caseJournal(caseId, page, 20, signal),
    [caseId, version, page],
  );
  const open = detail.status !== CaseStatus.Closed;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('money.summary')}
        size="small"
        data-testid="money-summary"
        extra={
          <Space wrap>
            {can('recordReceipt') && <RecordReceipt caseId={caseId} onDone={onChanged} />}
            {can('requestPayout') && open && money.data && (
              <RequestPayout
                caseId={caseId}
                applicants={detail.parties.filter((p) => p.role === PartyRole.Applicant)}
                heldFen={money.data.heldFen}
                feeOutstandingFen={money.data.feeOutstandingFen ?? 0}
                onDone={onChanged}
              />
            )}
            <DownloadButton
              path={ledgerExports.caseJournal(caseId)}
              fileName={`案款明细_${detail.caseNumber}.xlsx`}
              testId="journal-excel"
            />
          </Space>
        }
      >
        <RemoteView remote={money} failedTitle={t('money.loadFailed')}>
          {(view) => {
            return (
              <Row gutter={16}>
                <Col xs={12} md={5}>
                  <Statistic title={t('money.received')} value={formatFen(view.receivedFen)} />
                </Col>
                <Col xs={12} md={5}>
                  <Statistic title={t('money.paid')} value={formatFen(view.paidFen)} />
                </Col>
                <Col xs={12} md={5}>
                  <span data-testid="money-held" data-fen={view.heldFen}>
                    <Statistic title={t('money.held')} value={formatFen(view.heldFen)} />
                  </span>
                </Col>
                <Col xs={12} md={5}>
                  <Statistic
                    title={t('money.owed')}
                    value={view.owedFen === undefined ? '—' : formatFen(view.owedFen)}
                  />
                </Col>
                <Col xs={12} md={4}>
                  <Statistic
                    title={t('money.recoveryRate')}
                    value={
                      recovery.data?.case?.ratePermille == null
                        ? '—'
                        : `${(recovery.data.case.ratePermille / 10).toFixed(1)}%`
                    }
                  />
                </Col>
              </Row>
            );
          }}
        </RemoteView>
      </Card>

      <Card title={t('money.deadlines.title')} size="small" data-testid="money-deadlines">
        <RemoteView remote={money} failedTitle={t('money.loadFailed')}>
          {(view) => <DeadlineTable items={view.deadlines ?? []} days={view.deadlineDays ?? 30} />}
        </RemoteView>
      </Card>

      <Card title={t('money.payouts.title')} size="small" data-testid="money-payouts">
        <RemoteView remote={payouts} failedTitle={t('money.loadFailed')}>
          {(view) => (
            <PayoutTable
              items={view.items}
              mayConfirm={can('confirmPayout')}
              onChanged={() => {
                payouts.reload();
                onChanged();
              }}
            />
          )}
        </RemoteView>
      </Card>

      <DistributionCard
        caseId={caseId}
        detail={detail}
        plan={plan}
        heldFen={money.data?.heldFen}
        open={open}
        onChanged={() => {
          plan.reload();
          onChanged();
        }}
      />

      <Card title={t('money.journal.title')} size="small" data-testid="money-journal">
        <RemoteView remote={journal} failedTitle={t('money.loadFailed')}>
          {(view) => (
            <JournalTable
              items={view.items}
              total={view.total}
              page={page}
              onPage={(next) => {
                setPage(next);
              }}
            />
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

function DeadlineTable({ items, days }: { items: PayoutDeadlineView[]; days: number }) {
  const t = useT();
  const columns: TableColumnsType<PayoutDeadlineView> = [
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
      title: t('money.deadlines.deadline', { days }),
      key: 'deadline',
      render: (_, row) => <DeadlineCountdown deadline={row.deadline} daysLeft={row.daysLeft} />,
    },
  ];
  return (
    <Table<PayoutDeadlineView>
      rowKey="receiptId"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t('money.deadlines.none') }}
      onRow={() => ({ 'data-testid': 'deadline-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function PayoutTable({
  items,
  mayConfirm,
  onChanged,
}: {
  items: PayoutView[];
  mayConfirm: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const columns: TableColumnsType<PayoutView> = [
    { title: t('money.payouts.creditor'), dataIndex: 'creditorName' },
    {
      title: t('money.payouts.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('money.payouts.fee'),
      dataIndex: 'feeFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('money.payouts.status'),
      dataIndex: 'status',
      render: (status: PayoutStatusName, row) => (
        <span data-testid="payout-status" data-status={status}>
          <Tag color={payoutColour[status]}>{t(`payoutStatus.${status}`)}</Tag>
          {row.approvalRule && status === 'PENDING_APPROVAL' && (
            <Typography.Text type="secondary">
              {t('money.payouts.overThreshold', { threshold: formatFen(row.thresholdFen) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('money.payouts.requested'),
      key: 'requested',
      render: (_, row) => `${row.requestedByName} ${formatInstant(row.requestedAt)}`,
    },
    {
      title: t('money.payouts.paidOn'),
      key: 'paidOn',
      render: (_, row) => (row.paidOn ? `${row.paidOn}${row.bankSerial ? ` · ${row.bankSerial}` : ''}` : '—'),
    },
    ...(mayConfirm
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: PayoutView) =>
              row.status === 'APPROVED' ? <ConfirmPayout payout={row} onDone={onChanged} /> : null,
          },
        ]
      : []),
  ];
  return (
    <Table<PayoutView>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={items}
      locale={{ emptyText: t('money.payouts.none') }}
      onRow={() => ({ 'data-testid': 'payout-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function JournalTable({
  items,
  total,
  page,
  onPage,
}: {
  items: JournalTransactionView[];
  total: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const columns: TableColumnsType<JournalTransactionView> = [
    {
      title: t('money.journal.postedAt'),
      dataIndex: 'postedAt',
      width: 150,
      render: (v: string) => formatInstant(v),
    },
    {
      title: t('money.journal.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind: string, row) => (
        <Space size={4} wrap>
          <Tag>{txKindLabel(t, kind)}</Tag>
          {row.correctsId && <Tag color="red">{t('money.journal.reversal')}</Tag>}
          {row.reversedById && <Tag color="default">{t('money.journal.reversed')}</Tag>}
        </Space>
      ),
    },
    { title: t('money.journal.memo'), dataIndex: 'memo', render: (v?: string) => v ?? '' },
    {
      title: t('money.journal.entries'),
      key: 'entries',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          {row.entries.map((entry) => (
            <span key={entry.accountCode}>
              {entry.amountFen > 0 ? t('money.journal.debit') : t('money.journal.credit')}{' '}
              {accountLabel(t, entry.accountCode)} {formatFen(Math.abs(entry.amountFen))}
            </span>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<JournalTransactionView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ current: page, pageSize: 20, total, onChange: onPage, showSizeChanger: false }}
      locale={{ emptyText: t('money.journal.none') }}
      onRow={() => ({ 'data-testid': 'journal-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}

interface PayoutForm {
  creditorId: string;
  amountYuan: string;
  creditorAccount?: string;
  memo?: string;
}

function RequestPayout({
  caseId,
  applicants,
  heldFen,
  feeOutstandingFen,
  onDone,
}: {
  caseId: string;
  applicants: { name: string; idNumber: string }[];
  heldFen: Fen;
  feeOutstandingFen: Fen;
  onDone: () => void;
}) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  // fees first (申请执行费, 诉讼费用交纳办法 Art 14): what the creditor can get is what is left after them
  const available = Math.max(0, heldFen - feeOutstandingFen);
  return (
    <ActionButton<PayoutForm>
      label={t('money.payout.action')}
      testId="request-payout"
      initialValues={{
        ...(applicants[0] ? { creditorId: applicants[0].idNumber } : {}),
        amountYuan: (available / 100).toFixed(2),
      }}
      fields={(form) => (
        <>
          <Form.Item label={t('money.payouts.creditor')} name="creditorId" rules={[{ required: true }]}>
            <Select
              options={applicants.map((a) => ({ value: a.idNumber, label: `${a.name}（${a.idNumber}）` }))}
            />
          </Form.Item>
          <Form.Item label={t('money.payout.amount')} name="amountYuan" rules={yuanRules(t)}>
            <Input data-testid="payout-amount-yuan" prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item noStyle dependencies={['amountYuan']}>
            {() => <FeesFirst form={form} heldFen={heldFen} feeFen={feeOutstandingFen} />}
          </Form.Item>
          <Form.Item label={t('money.payout.account')} name="creditorAccount" rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('money.memo')} name="memo" rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const creditor = applicants.find((a) => a.idNumber === values.creditorId);
        const body: RequestPayoutBody = {
          creditorId: values.creditorId,
          creditorName: creditor?.name ?? values.creditorId,
          amountFen: parseYuanToFen(values.amountYuan)!,
          ...(values.creditorAccount?.trim() ? { creditorAccount: values.creditorAccount.trim() } : {}),
          ...(values.memo?.trim() ? { memo: values.memo.trim() } : {}),
        };
        return ledgerApi.requestPayout(caseId, body, keyFor(body));
      }}
      onDone={onDone}
    />
  );
}

/** Shown before the payout is asked for: the fee settled first, then the creditor, against what is held. */
function FeesFirst({ form, heldFen, feeFen }: { form: FormInstance<PayoutForm>; heldFen: Fen; feeFen: Fen }) {
  const t = useT();
  const typed = parseYuanToFen(String(form.getFieldValue('amountYuan') ?? '')) ?? 0;
  const total = typed + feeFen;
  return (
    <Alert
      data-testid="payout-fees-first"
      type={total > heldFen ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={t('money.payout.feesFirst', {
        fee: formatFen(feeFen),
        creditor: formatFen(typed),
        total: formatFen(total),
        held: formatFen(heldFen),
      })}
    />
  );
}

function ConfirmPayout({ payout, onDone }: { payout: PayoutView; onDone: () => void }) {
  const t = useT();
  return (
    <ActionButton<{ paidOn: string; bankSerial?: string }>
      label={t('money.confirm.action')}
      testId="confirm-payout"
      type="primary"
      initialValues={{ paidOn: today() }}
      fields={() => (
        <>
          <Typography.Paragraph>
            {t('money.confirm.hint', { creditor: payout.creditorName, amount: formatFen(payout.amountFen) })}
          </Typography.Paragraph>
          <Form.Item label={t('money.confirm.paidOn')} name="paidOn" rules={dateRules(t)}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            label={t('money.confirm.bankSerial')}
            name="bankSerial"
            rules={[{ max: 64, message: t('form.tooLong', { max: 64 }) }]}
          >
            <Input />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: ConfirmPayoutBody = {
          paidOn: values.paidOn,
          ...(values.bankSerial?.trim() ? { bankSerial: values.bankSerial.trim() } : {}),
        };
        return ledgerApi.confirmPayout(payout.id, body);
      }}
      onDone={onDone}
    />
  );
}
