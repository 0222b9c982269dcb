import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  AgencyKind,
  CaseInquiryStatus,
  CaseStatus,
  ClosureType,
  ControlStatus,
  executionFeeFen,
  shanghaiDateOf,
  type CaseControlsView,
  type CaseDetail,
  type CaseMoneyView,
  type CaseTimelineView,
  type ControlView,
  type GetFindingsReply,
  type ListJournalReply,
  type ListPayoutsReply,
  type PayoutDeadlinesReply,
  type PayoutView,
  type ReceiptView,
} from '@writ/contracts/web';
import { eventually as eventuallyWithin } from '@writ/platform';
import ExcelJS from 'exceljs';
import { caseApplication, WritApi, type ApiResponse } from '../src/api-client.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

/** 张三, whom party1's account speaks for */
const DEBTOR_ID = '11010519491231002X';
/** the applicant of `caseApplication`: the creditor paid out */
const CREDITOR = { creditorId: '91350100M000100Y43', creditorName: '盘锦某某商贸有限公司' };
const CLAIM_FEN = 12_345_600;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** ¥10,000: the story's payout is above it, so the director's second approval is needed */
const THRESHOLD_FEN = 1_000_000;

/** A resident id number with its check digit (GB 11643), for a respondent party1 does not speak for. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return `${first17}${'10X98765432'[sum % 11]!}`;
}

const eventually = <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> =>
  eventuallyWithin(ask, done, 'the system to catch up', 90_000);

function expectStatus(response: ApiResponse, status: number, code?: string): void {
  expect({
    status: response.status,
    ...(code ? { code: (response.body as { code?: string } | undefined)?.code } : {}),
  }).toEqual({ status, ...(code ? { code } : {}) });
}

describe('执行案款 through the HTTP API: from a deduction to 执行完毕', () => {
  let writ: RunningWrit;
  const users: Record<string, WritApi> = {};
  const as = (username: string): WritApi => users[username]!;
  let registered: CaseDetail;
  let other: CaseDetail;
  let today: string;
  let freeze: ControlView;
  let payout: PayoutView;

  const moneyOf = async (caseId = registered.id): Promise<CaseMoneyView> => {
    const response = await as('fund1').call<CaseMoneyView>('GET', `/api/cases/${caseId}/money`);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The raw file an export answers, as the finance office's browser downloads it. */
  const download = async (username: string, route: string): Promise<Response> =>
    fetch(`${writ.url}${route}`, { headers: { authorization: `Bearer ${as(username).token!}` } });

  const workbookOf = async (response: Response): Promise<ExcelJS.Workbook> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook;
  };

  beforeAll(async () => {
    writ = await startWrit({ PAYOUT_SECOND_APPROVAL_FEN: String(THRESHOLD_FEN) });
    for (const username of ['officer1', 'fund1', 'director1', 'leader1', 'clerk1', 'party1', 'officer2']) {
      users[username] = new WritApi(writ.url);
      await users[username].login(username);
    }
    const response = await as('officer1').call<CaseDetail>('POST', '/api/cases', caseApplication(DEBTOR_ID), {
      'Idempotency-Key': `ledger-story-${Date.now()}`,
    });
    expect(response.status).toBe(201);
    registered = response.body;
    const second = await as('officer1').call<CaseDetail>(
      'POST',
      '/api/cases',
      { ...caseApplication(residentId('21110419800101003')), claimAmountFen: 3_000_000 },
      { 'Idempotency-Key': `ledger-story-other-${Date.now()}` },
    );
    expect(second.status).toBe(201);
    other = second.body;
    today = shanghaiDateOf(new Date());
  });

  afterAll(async () => {
    await writ?.stop();
  });

  it('books a deduction confirmed by asset-control as a receipt of the case, with its 30-day deadline', async () => {
    const detail = await eventually(
      async () =>
        (
          await as('officer1').call<CaseDetail & { inquiry: GetFindingsReply | null }>(
            'GET',
            `/api/cases/${registered.id}`,
          )
        ).body,
      (d) => d.inquiry?.status === CaseInquiryStatus.Completed,
    );
    const deposit = detail
      .inquiry!.assets.filter((a) => a.kind === AgencyKind.BankDeposit && a.amountFen > 1_000_000)
      .sort((a, b) => a.amountFen - b.amountFen)[0];
    expect(deposit).toBeDefined();
    const ordered = await as('officer1').call<ControlView>(
      'POST',
      `/api/cases/${registered.id}/controls`,
      { kind: 'FREEZE', assetId: deposit!.id, amountFen: 1_000_000, note: '冻结被执行人存款' },
      { 'Idempotency-Key': `ledger-freeze-${registered.id}` },
    );
    expect(ordered.status).toBe(201);
    const controls = async () =>
      (await as('officer1').call<CaseControlsView>('GET', `/api/cases/${registered.id}/controls`)).body;
    freeze = (await eventually(controls, (v) => v.controls[0]?.status === ControlStatus.Effective))
      .controls[0]!;

    const deducted = await as('officer1').call('POST', `/api/cases/${registered.id}/controls`, {
      kind: 'DEDUCT',
      controlId: freeze.id,
      amountFen: 400_000,
    });
    expect(deducted.status).toBe(201);

    // asset.deducted → fund-ledger: Dr 执行款专户, Cr 案款账户
    const money = await eventually(moneyOf, (m) => m.receivedFen === 400_000);
    expect(money).toMatchObject({
      caseId: registered.id,
      receivedFen: 400_000,
      paidFen: 0,
      heldFen: 400_000,
    });
    expect(money.accounts).toContainEqual({
      code: `CASE:${registered.id}`,
      kind: 'CASE',
      balanceFen: 400_000,
    });
    // the panel says what is still owed (the claim and the unsettled fee) and when the money must go out
    expect(money).toMatchObject({
      owedFen: CLAIM_FEN + executionFeeFen(CLAIM_FEN),
      feeOutstandingFen: executionFeeFen(CLAIM_FEN),
      deadlineDays: 30,
      deadlines: [expect.objectContaining({ receivedOn: today, deadline: addDays(today, 30) })],
    });

    const journal = await as('clerk1').call<ListJournalReply>('GET', `/api/cases/${registered.id}/journal`);
    expect(journal.status).toBe(200);
    expect(journal.body.items.map((t) => t.kind)).toEqual(['RECEIPT']);
    expect(journal.body.items[0]!.entries.reduce((sum, e) => sum + e.amountFen, 0)).toBe(0);

    const deadlines = await as('officer1').call<PayoutDeadlinesReply>(
      'GET',
      `/api/cases/${registered.id}/payout-deadlines`,
    );
    expect(deadlines.status).toBe(200);
    expect(deadlines.body.deadlineDays).toBe(30);
    expect(deadlines.body.items).toEqual([
      expect.objectContaining({
        caseId: registered.id,
        amountFen: 400_000,
        unpaidFen: 400_000,
        receivedOn: today,
        deadline: addDays(today, 30),
        daysLeft: 30,
        state: 'OK',
      }),
    ]);
  });

  it('pays the creditor in full — fees first, the director approving above the threshold — and the case closes as 执行完毕', async () => {
    const feeFen = executionFeeFen(CLAIM_FEN);
    // money cannot arrive tomorrow, nor before the case was filed (today): 422 naming the field
    for (const [receivedOn, rule] of [
      [addDays(today, 1), 'NOT_IN_FUTURE'],
      [addDays(today, -1), 'NOT_BEFORE_FILING'],
    ] as const) {
      const refused = await as('fund1').call<{ code: string; rule?: string; errors?: { field: string }[] }>(
        'POST',
        '/api/ledger/receipts',
        { caseId: registered.id, amountFen: 100, source: 'VOLUNTARY', receivedOn },
        { 'Idempotency-Key': `receipt-bad-day-${rule}-${registered.id}` },
      );
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', errors: [{ field: 'receivedOn' }] });
    }
    // the debtor pays the rest by bank transfer; the fund manager records it
    const receipt = await as('fund1').call<ReceiptView>(
      'POST',
      '/api/ledger/receipts',
      {
        caseId: registered.id,
        amountFen: CLAIM_FEN + feeFen - 400_000,
        source: 'BANK_TRANSFER',
        receivedOn: today,
        payer: '张三',
        reference: 'ICBC-LEDGER-STORY-1',
      },
      { 'Idempotency-Key': `receipt-${registered.id}` },
    );
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ caseId: registered.id, suspense: false, replayed: false });
    expect((await moneyOf()).heldFen).toBe(CLAIM_FEN + feeFen);
    // only the fund manager records money
    expectStatus(
      await as('officer1').call('POST', '/api/ledger/receipts', {
        caseId: registered.id,
        amountFen: 100,
        source: 'VOLUNTARY',
        receivedOn: today,
      }),
      403,
      'FORBIDDEN',
    );

    const requested = await as('fund1').call<PayoutView>(
      'POST',
      `/api/cases/${registered.id}/payouts`,
      { ...CREDITOR, amountFen: CLAIM_FEN, creditorAccount: '6222020400001234567' },
      { 'Idempotency-Key': `payout-${registered.id}` },
    );
    expect(requested.status).toBe(201);
    payout = requested.body;
    expect(payout).toMatchObject({
      caseId: registered.id,
      status: 'PENDING_APPROVAL',
      amountFen: CLAIM_FEN,
      feeFen,
      thresholdFen: THRESHOLD_FEN,
      approvalRule: 'PAYOUT_SECOND_APPROVAL',
    });

    // the director's queue; the fund manager may not approve its own request
    const queue = await as('director1').call<ListPayoutsReply>('GET', '/api/ledger/payouts');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((p) => p.id)).toContain(payout.id);
    expectStatus(
      await as('fund1').call('POST', `/api/ledger/payouts/${payout.id}/decision`, { approve: true }),
      403,
    );
    const approved = await as('director1').call<PayoutView>(
      'POST',
      `/api/ledger/payouts/${payout.id}/decision`,
      { approve: true, comment: '同意发放' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', feeFen });

    const paid = await as('fund1').call<PayoutView>('POST', `/api/ledger/payouts/${payout.id}/confirm`, {
      paidOn: today,
      bankSerial: 'ICBC-PAY-STORY-1',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'PAID', paidOn: today, bankSerial: 'ICBC-PAY-STORY-1' });

    const after = await moneyOf();
    expect(after).toMatchObject({
      receivedFen: CLAIM_FEN + feeFen,
      paidFen: CLAIM_FEN,
      heldFen: 0,
      owedFen: 0,
      feeOutstandingFen: 0,
      deadlines: [],
    });
    const kinds = (
      await as('fund1').call<ListJournalReply>('GET', `/api/cases/${registered.id}/journal`)
    ).body.items.map((t) => t.kind);
    expect(kinds.sort()).toEqual(
      ['FEE_SETTLEMENT', 'PAYOUT_APPROVED', 'PAYOUT_PAID', 'RECEIPT', 'RECEIPT'].sort(),
    );

    // ledger.claim.fully-paid → case-intake closes the case as 执行完毕 → asset-control releases the rest
    const timeline = await eventually(
      async () =>
        (await as('officer1').call<CaseTimelineView>('GET', `/api/cases/${registered.id}/timeline`)).body,
      (t) => t.status === CaseStatus.Closed,
    );
    expect(timeline.closure?.closureType).toBe(ClosureType.FullyExecuted);
    const released = await eventually(
      async () =>
        (await as('officer1').call<CaseControlsView>('GET', `/api/cases/${registered.id}/controls`)).body,
      (v) =>
        v.controls.every((c) => c.status === ControlStatus.Released || c.status === ControlStatus.Deducted),
    );
    expect(released.controls.find((c) => c.id === freeze.id)?.status).toBe(ControlStatus.Released);
    expect(released.controlledFen).toBe(0);
  });

  it('reports money unpaid past its deadline and exports it, and the case journal, as real Excel workbooks', async () => {
    const received = await as('fund1').call<ReceiptView>(
      'POST',
      '/api/ledger/receipts',
      { caseId: other.id, amountFen: 123_456, source: 'VOLUNTARY', receivedOn: today },
      { 'Idempotency-Key': `receipt-${other.id}` },
    );
    expect(received.status).toBe(201);

    // judged 40 days on, the receipt of today is 10 days past its 30-day deadline
    const asOf = addDays(today, 40);
    const report = await as('leader1').call<PayoutDeadlinesReply>('GET', `/api/ledger/overdue?asOf=${asOf}`);
    expect(report.status).toBe(200);
    const late = report.body.items.find((i) => i.caseId === other.id);
    expect(late).toMatchObject({
      unpaidFen: 123_456,
      deadline: addDays(today, 30),
      daysLeft: -10,
      state: 'OVERDUE',
    });
    // the paid-out case is not overdue
    expect(report.body.items.map((i) => i.caseId)).not.toContain(registered.id);
    expectStatus(await as('officer1').call('GET', '/api/ledger/overdue'), 403, 'FORBIDDEN');

    const overdueFile = await download('leader1', `/api/ledger/overdue.xlsx?asOf=${asOf}`);
    expect(overdueFile.status).toBe(200);
    expect(overdueFile.headers.get('content-type')).toBe(XLSX);
    const overdue = (await workbookOf(overdueFile)).getWorksheet('超期未发放案款')!;
    expect(overdue.getRow(1).values).toEqual(
      expect.arrayContaining(['案号', '到账日期', '未发放金额（元）', '发放期限', '超期天数']),
    );
    const row = overdue
      .getRows(2, overdue.rowCount - 1)!
      .find((r) => r.getCell(1).value === other.caseNumber);
    expect(row).toBeDefined();
    expect(row!.getCell(4).value).toBe(1_234.56);
    expect(row!.getCell(4).numFmt).toBe('#,##0.00');
    expect(row!.getCell(6).value).toBe(10);

    const journalFile = await download('clerk1', `/api/cases/${registered.id}/journal.xlsx`);
    expect(journalFile.status).toBe(200);
    expect(journalFile.headers.get('content-type')).toBe(XLSX);
    const journal = (await workbookOf(journalFile)).getWorksheet('案款明细')!;
    const rows = journal.getRows(2, journal.rowCount - 1)!;
    const total = rows.find((r) => r.getCell(1).value === '合计')!;
    // every transaction balances: the debits and the credits add up to the same yuan
    expect(total.getCell(7).value).toBe(total.getCell(8).value);
    expect(rows.map((r) => r.getCell(3).value)).toEqual(
      expect.arrayContaining(['到账', '发放审批', '发放付款']),
    );
  });

  it('shows a party only the sums of its own case, and nothing to another court', async () => {
    const own = await as('party1').call<Record<string, unknown>>('GET', `/api/cases/${registered.id}/money`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      caseId: registered.id,
      caseNumber: registered.caseNumber,
      receivedFen: CLAIM_FEN + executionFeeFen(CLAIM_FEN),
      paidFen: CLAIM_FEN,
      heldFen: 0,
    });
    // a case that does not name 张三 reads as missing; the journal and the payouts are the court's
    expectStatus(await as('party1').call('GET', `/api/cases/${other.id}/money`), 404, 'NOT_FOUND');
    expectStatus(await as('party1').call('GET', `/api/cases/${registered.id}/journal`), 403, 'FORBIDDEN');
    expectStatus(await as('party1').call('GET', `/api/cases/${registered.id}/payouts`), 403, 'FORBIDDEN');
    expect((await download('party1', `/api/cases/${registered.id}/journal.xlsx`)).status).toBe(403);

    // another court's officer: the case and its money do not exist for him; the fund office is not his
    expectStatus(await as('officer2').call('GET', `/api/cases/${registered.id}/money`), 404, 'NOT_FOUND');
    expectStatus(await as('officer2').call('GET', `/api/cases/${registered.id}/journal`), 404, 'NOT_FOUND');
    expect((await download('officer2', `/api/cases/${registered.id}/journal.xlsx`)).status).toBe(404);
    expectStatus(
      await as('officer2').call('POST', `/api/ledger/payouts/${payout.id}/confirm`, { paidOn: today }),
      403,
      'FORBIDDEN',
    );
    expectStatus(await as('officer2').call('GET', '/api/ledger/payouts'), 403, 'FORBIDDEN');
  });
});
