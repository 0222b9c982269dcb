import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { FormRule, TableColumnsType } from 'antd';
import {
  formatFen,
  parseYuanToFen,
  type DepositStatusName,
  type DepositView,
  type Fen,
  type ForfeitApplicationView,
} from '@writ/contracts/web';
import { useState, type HTMLAttributes } from 'react';
import { useIdempotencyKey } from '../api/client';
import { ledgerApi, type HoldDepositBody, type SettleDepositsBody } from '../api/ledger-client';
import { useRemote } from '../api/use-remote';
import { useCan } from '../auth/permissions';
import { ActionButton } from '../components/action-button';
import { CasePicker } from '../components/case-picker';
import { requiredRule, textRules, yuanRules } from '../components/form-rules';
import { RemoteView } from '../components/remote-view';
import { formatInstant, today } from '../format';
import { useT, type Translate } from '../i18n';
import { paths } from '../router';

const statusColour: Record<DepositStatusName, string> = {
  HELD: 'processing',
  REFUND_DUE: 'gold',
  REFUNDED: 'default',
  APPLIED: 'success',
  FORFEITED: 'red',
};

/** `YYYY-MM-DD HH:mm`, Beijing time, as the fund manager types when bidding ended. */
const LOCAL_MINUTE = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)$/;

function beijingInstant(text: string): string | null {
  const match = LOCAL_MINUTE.exec(text.trim());
  if (!match) return null;
  const iso = `${match[1]}T${match[2]}:${match[3]}:00+08:00`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

function minuteRules(t: Translate): FormRule[] {
  return [
    requiredRule(t),
    {
      validator: (_: unknown, value: unknown) =>
        typeof value !== 'string' || value === '' || beijingInstant(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t('deposits.minuteFormat'))),
    },
  ];
}

/** A yuan amount that may be zero (a resale without costs). */
function yuanOrZeroRules(t: Translate): FormRule[] {
  return [
    {
      validator: (_: unknown, value: unknown) => {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text === '') return Promise.reject(new Error(t('form.required')));
        return parseYuanToFen(text) === null
          ? Promise.reject(new Error(t('form.amountInvalid')))
          : Promise.resolve();
      },
    },
  ];
}

function nowMinute(): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  return `${today()} ${time}`;
}

/**
 * 竞买保证金 (网络司法拍卖规定 2016 Arts 17, 23, 24): the deposits held for a lot, recorded as they arrive;
 * when bidding ends the winner's goes to the price and the others are due back within 24 hours; a
 * defaulting buyer's is forfeited and, after the resale, applied to costs, the shortfall and the debt.
 * Below, every deposit of the court whose refund is late.
 */
export function DepositsPage() {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [lotId, setLotId] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('deposits.title')}
      </Typography.Title>
      <Card size="small" title={t('deposits.lot')}>
        <Space wrap>
          <Input
            data-testid="lot-id"
            style={{ width: 280 }}
            placeholder={t('deposits.lotPlaceholder')}
            value={typed}
            maxLength={100}
            onChange={(e) => setTyped(e.target.value)}
            onPressEnter={() => setLotId(typed.trim() || null)}
          />
          <Button type="primary" data-testid="lot-open" onClick={() => setLotId(typed.trim() || null)}>
            {t('deposits.open')}
          </Button>
        </Space>
      </Card>
      {lotId && <LotDeposits key={lotId} lotId={lotId} />}
      <OverdueRefunds />
    </Space>
  );
}

function LotDeposits({ lotId }: { lotId: string }) {
  const t = useT();
  const can = useCan();
  const remote = useRemote((signal) => ledgerApi.lotDeposits(lotId, signal), [lotId]);
  const [applied, setApplied] = useState<ForfeitApplicationView | null>(null);
  const manage = can('manageDeposits');
  const items = remote.data?.items ?? [];
  return (
    <Card
      size="small"
      data-testid="lot-deposits"
      title={t('deposits.ofLot', { lotId })}
      extra={
        manage && (
          <Space wrap>
            <HoldDeposit lotId={lotId} onDone={remote.reload} />
            {items.some((d) => d.status === 'HELD') && (
              <SettleDeposits lotId={lotId} deposits={items} onDone={remote.reload} />
            )}
            {items.some((d) => d.status === 'HELD' || d.status === 'APPLIED') && (
              <ForfeitDeposit lotId={lotId} deposits={items} onDone={remote.reload} />
            )}
            {items.some((d) => d.status === 'FORFEITED') && (
              <ApplyForfeited
                lotId={lotId}
                onDone={(result) => {
                  setApplied(result);
                  remote.reload();
                }}
              />
            )}
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {applied && (
          <Alert
            type="success"
            showIcon
            data-testid="forfeit-applied"
            title={t('deposits.apply.result', {
              forfeited: formatFen(applied.forfeitedFen),
              costs: formatFen(applied.costsFen),
              shortfall: formatFen(applied.shortfallFen),
              debt: formatFen(applied.debtFen),
              remaining: formatFen(applied.remainingFen),
            })}
          />
        )}
        <RemoteView remote={remote} failedTitle={t('deposits.loadFailed')}>
          {(view) => (
            <DepositTable
              items={view.items}
              testId="deposits-table"
              onRefund={manage ? remote.reload : undefined}
            />
          )}
        </RemoteView>
      </Space>
    </Card>
  );
}

function DepositTable({
  items,
  testId,
  onRefund,
  showLot = false,
}: {
  items: DepositView[];
  testId: string;
  /** present when the user may record refunds: called after one */
  onRefund?: () => void;
  showLot?: boolean;
}) {
  const t = useT();
  const columns: TableColumnsType<DepositView> = [
    ...(showLot ? [{ title: t('deposits.lotId'), dataIndex: 'lotId' }] : []),
    { title: t('deposits.bidderName'), dataIndex: 'bidderName' },
    { title: t('deposits.bidderId'), dataIndex: 'bidderId' },
    {
      title: t('deposits.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: Fen) => formatFen(fen),
    },
    {
      title: t('deposits.status'),
      dataIndex: 'status',
      render: (status: DepositStatusName, row) => (
        <Space size={4} data-testid="deposit-status" data-status={status}>
          <Tag color={statusColour[status]}>{t(`depositStatus.${status}`)}</Tag>
          {row.overdue && <Tag color="red">{t('deposits.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('deposits.heldAt'), dataIndex: 'heldAt', render: (v: string) => formatInstant(v) },
    {
      title: t('deposits.refundDueAt'),
      dataIndex: 'refundDueAt',
      render: (v?: string) => (v ? formatInstant(v) : '—'),
    },
    {
      title: t('deposits.refundedAt'),
      dataIndex: 'refundedAt',
      render: (v?: string) => (v ? formatInstant(v) : '—'),
    },
    {
      title: t('journal.case'),
      dataIndex: 'caseId',
      render: (caseId: string) => <a href={paths.caseDetail(caseId, 'money')}>{t('journal.openCase')}</a>,
    },
    ...(onRefund
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row: DepositView) =>
              row.status === 'HELD' || row.status === 'REFUND_DUE' ? (
                <RefundDeposit deposit={row} onDone={onRefund} />
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <div data-testid={testId}>
      <Table<DepositView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: t('deposits.none') }}
        onRow={(row) =>
          ({
            'data-testid': 'deposit-row',
            'data-bidder-id': row.bidderId,
            'data-status': row.status,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}

function OverdueRefunds() {
  const t = useT();
  const can = useCan();
  const remote = useRemote((signal) => ledgerApi.overdueRefunds(signal), []);
  return (
    <Card
      size="small"
      title={t('deposits.overdueTitle')}
      extra={<Button onClick={remote.reload}>{t('cases.refresh')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('deposits.overdueHint')}</Typography.Paragraph>
      <RemoteView remote={remote} failedTitle={t('deposits.loadFailed')}>
        {(view) => (
          <DepositTable
            items={view.items}
            testId="overdue-refunds"
            showLot
            onRefund={can('manageDeposits') ? remote.reload : undefined}
          />
        )}
      </RemoteView>
    </Card>
  );
}

interface HoldForm {
  caseId: string;
  bidderId: string;
  bidderName: string;
  amountYuan: string;
}

function HoldDeposit({ lotId, onDone }: { lotId: string; onDone: () => void }) {
  const t = useT();
  const keyFor = useIdempotencyKey();
  return (
    <ActionButton<HoldForm>
      label={t('deposits.hold.action')}
      title={t('deposits.hold.title', { lotId })}
      testId="hold-deposit"
      type="primary"
      fields={() => (
        <>
          <Form.Item
            label={t('deposits.hold.case')}
            name="caseId"
            rules={[{ required: true, message: t('form.required') }]}
          >
            <CasePicker testId="deposit-case" />
          </Form.Item>
          <Form.Item label={t('deposits.bidderName')} name="bidderName" rules={textRules(t, 1, 200)}>
            <Input data-testid="deposit-bidder-name" />
          </Form.Item>
          <Form.Item
            label={t('deposits.bidderId')}
            name="bidderId"
            extra={t('deposits.hold.bidderIdHint')}
            rules={textRules(t, 1, 64)}
          >
            <Input data-testid="deposit-bidder-id" />
          </Form.Item>
          <Form.Item label={t('deposits.hold.amount')} name="amountYuan" rules={yuanRules(t)}>
            <Input data-testid="deposit-amount-yuan" prefix="¥" inputMode="decimal" />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: HoldDepositBody = {
          caseId: values.caseId,
          lotId,
          bidderId: values.bidderId.trim(),
          bidderName: values.bidderName.trim(),
          amountFen: parseYuanToFen(values.amountYuan)!,
        };
        return ledgerApi.holdDeposit(body, keyFor(body));
      }}
      onDone={onDone}
    />
  );
}

function RefundDeposit({ deposit, onDone }: { deposit: DepositView; onDone: () => void }) {
  const t = useT();
  return (
    <ActionButton<{ bankSerial?: string }>
      label={t('deposits.refund.action')}
      title={t('deposits.refund.title', { bidder: deposit.bidderName, amount: formatFen(deposit.amountFen) })}
      testId="refund-deposit"
      successText={t('deposits.refund.done')}
      fields={() => (
        <Form.Item
          label={t('money.confirm.bankSerial')}
          name="bankSerial"
          rules={[{ max: 64, message: t('form.tooLong', { max: 64 }) }]}
        >
          <Input data-testid="refund-bank-serial" />
        </Form.Item>
      )}
      submit={(values) =>
        ledgerApi.refundDeposit(
          deposit.id,
          values.bankSerial?.trim() ? { bankSerial: values.bankSerial.trim() } : {},
        )
      }
      onDone={onDone}
    />
  );
}

/** No winner: 流拍, every deposit is due back. */
const NO_WINNER = '';

function SettleDeposits({
  lotId,
  deposits,
  onDone,
}: {
  lotId: string;
  deposits: DepositView[];
  onDone: () => void;
}) {
  const t = useT();
  const held = deposits.filter((d) => d.status === 'HELD');
  return (
    <ActionButton<{ endedAt: string; winner: string }>
      label={t('deposits.settle.action')}
      testId="settle-deposits"
      initialValues={{ endedAt: nowMinute(), winner: NO_WINNER }}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">{t('deposits.settle.hint')}</Typography.Paragraph>
          <Form.Item label={t('deposits.settle.endedAt')} name="endedAt" rules={minuteRules(t)}>
            <Input placeholder="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item label={t('deposits.settle.winner')} name="winner">
            <Select
              data-testid="settle-winner"
              options={[
                { value: NO_WINNER, label: t('deposits.settle.noWinner') },
                ...held.map((d) => ({ value: d.bidderId, label: `${d.bidderName}（${d.bidderId}）` })),
              ]}
            />
          </Form.Item>
        </>
      )}
      submit={(values) => {
        const body: SettleDepositsBody = {
          endedAt: beijingInstant(values.endedAt)!,
          ...(values.winner ? { winnerBidderId: values.winner } : {}),
        };
        return ledgerApi.settleDeposits(lotId, body);
      }}
      onDone={onDone}
    />
  );
}

function ForfeitDeposit({
  lotId,
  deposits,
  onDone,
}: {
  lotId: string;
  deposits: DepositView[];
  onDone: () => void;
}) {
  const t = useT();
  const forfeitable = deposits.filter((d) => d.status === 'HELD' || d.status === 'APPLIED');
  return (
    <ActionButton<{ bidderId: string; reason: string }>
      label={t('deposits.forfeit.action')}
      testId="forfeit-deposit"
      danger
      initialValues={forfeitable.length === 1 ? { bidderId: forfeitable[0]!.bidderId } : {}}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">{t('deposits.forfeit.hint')}</Typography.Paragraph>
          <Form.Item label={t('deposits.forfeit.bidder')} name="bidderId" rules={[requiredRule(t)]}>
            <Select
              options={forfeitable.map((d) => ({
                value: d.bidderId,
                label: `${d.bidderName}（${d.bidderId}）${formatFen(d.amountFen)}`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('deposits.forfeit.reason')} name="reason" rules={textRules(t, 1, 500)}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      submit={(values) =>
        ledgerApi.forfeitDeposit(lotId, { bidderId: values.bidderId, reason: values.reason.trim() })
      }
      onDone={onDone}
    />
  );
}

interface ApplyForm {
  resaleCostsYuan: string;
  originalPriceYuan: string;
  resalePriceYuan: string;
}

function ApplyForfeited({
  lotId,
  onDone,
}: {
  lotId: string;
  onDone: (result: ForfeitApplicationView) => void;
}) {
  const t = useT();
  return (
    <ActionButton<ApplyForm, ForfeitApplicationView>
      label={t('deposits.apply.action')}
      testId="apply-forfeited"
      initialValues={{ resaleCostsYuan: '0.00' }}
      fields={() => (
        <>
          <Typography.Paragraph type="secondary">{t('deposits.apply.hint')}</Typography.Paragraph>
          <Form.Item
            label={t('deposits.apply.resaleCosts')}
            name="resaleCostsYuan"
            rules={yuanOrZeroRules(t)}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item
            label={t('deposits.apply.originalPrice')}
            name="originalPriceYuan"
            rules={yuanOrZeroRules(t)}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item
            label={t('deposits.apply.resalePrice')}
            name="resalePriceYuan"
            rules={yuanOrZeroRules(t)}
          >
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
        </>
      )}
      submit={(values) =>
        ledgerApi.applyForfeited(lotId, {
          resaleCostsFen: parseYuanToFen(values.resaleCostsYuan)!,
          originalPriceFen: parseYuanToFen(values.originalPriceYuan)!,
          resalePriceFen: parseYuanToFen(values.resalePriceYuan)!,
        })
      }
      onDone={onDone}
    />
  );
}
