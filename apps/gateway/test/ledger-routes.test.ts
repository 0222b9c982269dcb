import { CodedError, ErrorCode, Role, Subjects, type RpcSubject } from '@writ/contracts';
import ExcelJS from 'exceljs';
import { openApiDocument } from '../src/openapi.js';
import { LedgerCasesController } from '../src/http/ledger-cases.controller.js';
import { LedgerController } from '../src/http/ledger.controller.js';
import { XLSX_TYPE, yuanOf } from '../src/http/ledger-workbooks.js';
import { ALL_ROLES } from '../src/http/roles.js';
import { actorOf, CASE_ID, describeRouteTable, type Route, type RouteApp } from './route-table.js';

const PAYOUT_ID = '6a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';
const PLAN_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const OBJECTION_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const DEPOSIT_ID = '4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f';
const TRANSACTION_ID = '8f7e6d5c-4b3a-4f2e-9d1c-0b9a8f7e6d5c';
const LOT_ID = 'lot-2026-0042';
const KEY = { idempotencyKey: 'retry-key-0001' };

const READERS = [Role.Judge, Role.Officer, Role.Clerk, Role.Director, Role.FundManager];
const FUND = [Role.FundManager];
const OFFICE = [Role.FundManager, Role.Director];
const REPORTS = [Role.FundManager, Role.Director, Role.Leader];
const CREDITOR = { creditorId: '91210000MA0XXXXX1A', creditorName: '盘锦某商贸有限公司' };

/** The route table of issue 5 (fund ledger), as the web UI and the gateway agree on it. */
const ROUTES: Route[] = [
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/journal?page=2&pageSize=20`,
    subject: Subjects.Ledger.ListJournal,
    roles: READERS,
    adds: { caseId: CASE_ID, page: 2, pageSize: 20 },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/payouts`,
    subject: Subjects.Ledger.ListPayouts,
    roles: READERS,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/payout-deadlines?state=OVERDUE`,
    subject: Subjects.Ledger.PayoutDeadlines,
    roles: READERS,
    adds: { caseId: CASE_ID, state: 'OVERDUE' },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/distribution`,
    subject: Subjects.Ledger.GetDistribution,
    roles: READERS,
    adds: { caseId: CASE_ID },
  },
  {
    method: 'GET',
    path: `/api/cases/${CASE_ID}/recovery`,
    subject: Subjects.Ledger.GetRecovery,
    roles: [...READERS, Role.Leader],
    adds: { caseId: CASE_ID },
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/payouts`,
    subject: Subjects.Ledger.RequestPayout,
    roles: FUND,
    body: { ...CREDITOR, amountFen: 12_345_600, creditorAccount: '6222 0000 1111' },
    adds: { caseId: CASE_ID, ...KEY },
    created: true,
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/suspense-match`,
    subject: Subjects.Ledger.MatchSuspense,
    roles: FUND,
    body: { amountFen: 500_000, memo: '张三还款认领' },
    adds: { caseId: CASE_ID, ...KEY },
    created: true,
  },
  {
    method: 'POST',
    path: `/api/cases/${CASE_ID}/distribution`,
    subject: Subjects.Ledger.ProposeDistribution,
    roles: FUND,
    body: { claims: [{ ...CREDITOR, claimFen: 1_000_000, rank: 'ORDINARY' }] },
    adds: { caseId: CASE_ID, ...KEY },
    created: true,
  },
  {
    method: 'POST',
    path: '/api/ledger/receipts',
    subject: Subjects.Ledger.RecordReceipt,
    roles: FUND,
    body: { caseId: CASE_ID, amountFen: 800_000, source: 'VOLUNTARY', receivedOn: '2026-11-27' },
    adds: KEY,
    created: true,
  },
  {
    method: 'GET',
    path: '/api/ledger/suspense',
    subject: Subjects.Ledger.ListSuspense,
    roles: OFFICE,
    adds: {},
  },
  {
    method: 'GET',
    path: `/api/ledger/cases?q=${encodeURIComponent('（2026）辽1104执12')}&limit=5`,
    subject: Subjects.Ledger.SearchCases,
    roles: OFFICE,
    adds: { q: '（2026）辽1104执12', limit: 5 },
  },
  {
    method: 'GET',
    path: '/api/ledger/payouts',
    subject: Subjects.Ledger.ListPayouts,
    roles: OFFICE,
    adds: {},
  },
  {
    method: 'POST',
    path: `/api/ledger/payouts/${PAYOUT_ID}/decision`,
    subject: Subjects.Ledger.DecidePayout,
    roles: [Role.Director],
    body: { approve: true, comment: '同意发放' },
    adds: { payoutId: PAYOUT_ID },
  },
  {
    method: 'POST',
    path: `/api/ledger/payouts/${PAYOUT_ID}/confirm`,
    subject: Subjects.Ledger.ConfirmPayout,
    roles: FUND,
    body: { paidOn: '2026-11-28', bankSerial: 'ICBC20261128001' },
    adds: { payoutId: PAYOUT_ID },
  },
  {
    method: 'GET',
    path: '/api/ledger/deadlines?state=DUE_SOON',
    subject: Subjects.Ledger.PayoutDeadlines,
    roles: REPORTS,
    adds: { state: 'DUE_SOON' },
  },
  {
    method: 'GET',
    path: '/api/ledger/overdue?asOf=2026-11-28',
    subject: Subjects.Ledger.OverduePayouts,
    roles: REPORTS,
    adds: { asOf: '2026-11-28' },
  },
  {
    method: 'POST',
    path: '/api/ledger/deadlines/scan',
    subject: Subjects.Ledger.ScanPayoutDeadlines,
    roles: OFFICE,
    adds: {},
  },
  {
    method: 'GET',
    path: '/api/ledger/recovery',
    subject: Subjects.Ledger.GetRecovery,
    roles: REPORTS,
    adds: {},
  },
  {
    method: 'POST',
    path: `/api/ledger/distributions/${PLAN_ID}/objections`,
    subject: Subjects.Ledger.ObjectToDistribution,
    roles: READERS,
    body: { objector: '盘锦某商贸有限公司', reason: '债权数额计算有误' },
    adds: { planId: PLAN_ID },
    created: true,
  },
  {
    method: 'POST',
    path: `/api/ledger/distributions/${PLAN_ID}/objections/${OBJECTION_ID}/decision`,
    subject: Subjects.Ledger.DecideDistributionObjection,
    roles: [Role.Director],
    body: { uphold: false, decision: '异议不成立，驳回' },
    adds: { planId: PLAN_ID, objectionId: OBJECTION_ID },
  },
  {
    method: 'POST',
    path: '/api/ledger/deposits',
    subject: Subjects.Ledger.HoldDeposit,
    roles: FUND,
    body: {
      caseId: CASE_ID,
      lotId: LOT_ID,
      bidderId: '210103199001011234',
      bidderName: '钱竞买',
      amountFen: 2_000_000,
    },
    adds: KEY,
    created: true,
  },
  {
    method: 'GET',
    path: '/api/ledger/deposits/overdue',
    subject: Subjects.Ledger.OverdueRefunds,
    roles: REPORTS,
    adds: {},
  },
  {
    method: 'POST',
    path: `/api/ledger/deposits/${DEPOSIT_ID}/refund`,
    subject: Subjects.Ledger.RefundDeposit,
    roles: FUND,
    body: { bankSerial: 'ICBC20261128002' },
    adds: { depositId: DEPOSIT_ID },
  },
  {
    method: 'GET',
    path: `/api/ledger/lots/${LOT_ID}/deposits`,
    subject: Subjects.Ledger.ListLotDeposits,
    roles: OFFICE,
    adds: { lotId: LOT_ID },
  },
  {
    method: 'POST',
    path: `/api/ledger/lots/${LOT_ID}/deposits/settle`,
    subject: Subjects.Ledger.SettleLotDeposits,
    roles: FUND,
    body: { endedAt: '2026-11-27T10:00:00+08:00', winnerBidderId: '210103199001011234' },
    adds: { lotId: LOT_ID },
  },
  {
    method: 'POST',
    path: `/api/ledger/lots/${LOT_ID}/deposits/forfeit`,
    subject: Subjects.Ledger.ForfeitDeposit,
    roles: FUND,
    body: { bidderId: '210103199001011234', reason: '买受人悔拍' },
    adds: { lotId: LOT_ID },
  },
  {
    method: 'POST',
    path: `/api/ledger/lots/${LOT_ID}/deposits/apply-forfeited`,
    subject: Subjects.Ledger.ApplyForfeitedDeposit,
    roles: FUND,
    body: { resaleCostsFen: 10_000, originalPriceFen: 5_000_000, resalePriceFen: 4_800_000 },
    adds: { lotId: LOT_ID },
  },
  {
    method: 'POST',
    path: '/api/ledger/reconciliation/imports',
    subject: Subjects.Ledger.ImportBankStatement,
    roles: FUND,
    body: {
      fileName: '专户流水.csv',
      csv: '交易日期,金额,对方户名,摘要,流水号\n2026-11-27,8000.00,张三,还款,S1\n',
    },
    adds: {},
    created: true,
  },
  {
    method: 'GET',
    path: '/api/ledger/reconciliation?from=2026-11-01&to=2026-11-30',
    subject: Subjects.Ledger.GetReconciliation,
    roles: OFFICE,
    adds: { from: '2026-11-01', to: '2026-11-30' },
  },
  {
    method: 'GET',
    path: '/api/ledger/journal?page=1&pageSize=50',
    subject: Subjects.Ledger.ListJournal,
    roles: OFFICE,
    adds: { page: 1, pageSize: 50 },
  },
  {
    method: 'POST',
    path: '/api/ledger/journal/verify',
    subject: Subjects.Ledger.VerifyJournal,
    roles: OFFICE,
    adds: {},
  },
  {
    method: 'POST',
    path: '/api/ledger/journal/seal',
    subject: Subjects.Ledger.SealJournal,
    roles: OFFICE,
    adds: {},
  },
  {
    method: 'POST',
    path: `/api/ledger/transactions/${TRANSACTION_ID}/reverse`,
    subject: Subjects.Ledger.ReverseTransaction,
    roles: FUND,
    body: { reason: '金额录入错误' },
    adds: { transactionId: TRANSACTION_ID, ...KEY },
    created: true,
  },
  {
    method: 'GET',
    path: `/api/ledger/accounts/${encodeURIComponent(`CASE:${CASE_ID}`)}/balance`,
    subject: Subjects.Ledger.AccountBalance,
    roles: OFFICE,
    adds: { code: `CASE:${CASE_ID}` },
  },
];

/** What the ledger would answer, so the workbooks and the party's summary have something to lay out. */
const ANSWERS: Partial<Record<RpcSubject, unknown>> = {
  [Subjects.Ledger.CaseSummary]: {
    caseId: CASE_ID,
    courtCode: '辽1104',
    caseNumber: '(2026)辽1104执123号',
    receivedFen: 12_520_784,
    paidFen: 12_345_600,
    heldFen: 0,
    accounts: [{ code: `CASE:${CASE_ID}`, kind: 'CASE', balanceFen: 0 }],
  },
  [Subjects.Ledger.ListJournal]: {
    items: [
      {
        id: TRANSACTION_ID,
        seq: '7',
        kind: 'RECEIPT',
        courtCode: '辽1104',
        caseId: CASE_ID,
        memo: '扣划到账',
        postedAt: '2026-11-27T02:00:00.000Z',
        postedBy: 'fund1',
        sealed: true,
        entries: [
          { accountCode: 'DEDICATED:辽1104', amountFen: 12_345_601 },
          { accountCode: `CASE:${CASE_ID}`, amountFen: -12_345_601 },
        ],
      },
    ],
    total: 1,
    page: 1,
    pageSize: 200,
  },
  [Subjects.Ledger.OverduePayouts]: {
    asOf: '2026-11-28',
    deadlineDays: 30,
    totalUnpaidFen: 1_000_001,
    items: [
      {
        receiptId: 'r1',
        caseId: CASE_ID,
        caseNumber: '(2026)辽1104执123号',
        receivedOn: '2026-10-01',
        amountFen: 2_000_007,
        unpaidFen: 1_000_001,
        deadline: '2026-10-31',
        daysLeft: -28,
        state: 'OVERDUE',
      },
    ],
  },
  [Subjects.Ledger.GetReconciliation]: {
    courtCode: '辽1104',
    matched: [
      {
        line: { serial: 'S1', date: '2026-11-27', amountFen: 800_000, counterparty: '张三', memo: '还款' },
        entry: { transactionId: TRANSACTION_ID, kind: 'RECEIPT', date: '2026-11-27', amountFen: 800_000 },
        byReference: false,
      },
    ],
    unmatchedLines: [
      { serial: 'S2', date: '2026-11-28', amountFen: -3, counterparty: '银行', memo: '手续费' },
    ],
    unmatchedEntries: [],
  },
};

describe('the HTTP routes of the fund ledger', () => {
  let routes: RouteApp;
  const call: RouteApp['call'] = (...args) => routes.call(...args);

  /** The bus answers each subject as the ledger would (or `{}`), and records as before. */
  const answering = (): void => {
    const bus = routes.bus;
    bus.request = async (subject, body, options = {}) => {
      bus.sent.push({ subject, body: { ...body }, actor: options.actor });
      if (bus.failWith) throw bus.failWith;
      return ANSWERS[subject] ?? {};
    };
  };

  const download = (role: Role, path: string): Promise<Response> => routes.fetchAs(role, path);

  describeRouteTable([LedgerCasesController, LedgerController], ROUTES, (app) => {
    routes = app;
    answering();
  });

  it("shows the case's money to those who work it, and a party only the three sums of its own case", async () => {
    for (const role of ALL_ROLES) {
      routes.bus.sent = [];
      const response = await call(role, 'GET', `/api/cases/${CASE_ID}/money`);
      if (READERS.includes(role)) {
        expect({ role, status: response.status }).toEqual({ role, status: 200 });
        expect(routes.bus.sent).toEqual([
          { subject: Subjects.Ledger.CaseSummary, body: { caseId: CASE_ID }, actor: actorOf(role) },
        ]);
        expect(response.body).toHaveProperty('accounts');
      } else if (role === Role.Party) {
        expect(response.status).toBe(200);
        // the ledger itself knows the case's parties: the party's own actor goes, nobody else's
        expect(routes.bus.sent).toEqual([
          { subject: Subjects.Ledger.CaseSummary, body: { caseId: CASE_ID }, actor: actorOf(Role.Party) },
        ]);
      } else {
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
        expect(routes.bus.sent).toEqual([]);
      }
    }
  });

  it('answers a party 404 when the ledger says the case does not name it, asking nobody else', async () => {
    routes.bus.failWith = new CodedError(ErrorCode.NotFound, `no enforcement case ${CASE_ID} at this court`);
    const response = await call(Role.Party, 'GET', `/api/cases/${CASE_ID}/money`);
    expect(response.status).toBe(404);
    expect(routes.bus.sent).toEqual([
      { subject: Subjects.Ledger.CaseSummary, body: { caseId: CASE_ID }, actor: actorOf(Role.Party) },
    ]);
  });

  it('exports real .xlsx workbooks with Chinese headers and yuan amounts to the fen, for the roles each names', async () => {
    const exports: { path: string; roles: readonly Role[]; sheet: string; header: string }[] = [
      {
        path: '/api/ledger/overdue.xlsx?asOf=2026-11-28',
        roles: REPORTS,
        sheet: '超期未发放案款',
        header: '案号',
      },
      { path: `/api/cases/${CASE_ID}/journal.xlsx`, roles: READERS, sheet: '案款明细', header: '记账时间' },
      { path: '/api/ledger/reconciliation/2026-11.xlsx', roles: OFFICE, sheet: '已匹配', header: '交易日期' },
    ];
    for (const { path, roles, sheet, header } of exports) {
      for (const role of ALL_ROLES) {
        routes.bus.sent = [];
        const response = await download(role, path);
        if (!roles.includes(role)) {
          expect({ path, role, status: response.status }).toEqual({ path, role, status: 403 });
          expect(routes.bus.sent).toEqual([]);
          continue;
        }
        expect({ path, role, status: response.status }).toEqual({ path, role, status: 200 });
        expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
        expect(response.headers.get('content-disposition')).toMatch(
          /^attachment; filename=.*filename\*=UTF-8''/,
        );
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        const first = workbook.worksheets[0]!;
        expect(first.name).toBe(sheet);
        expect(first.getRow(1).getCell(1).value).toBe(header);
        expect(routes.bus.sent.every((s) => s.actor?.id === `user-${role}`)).toBe(true);
      }
    }
  });

  it('lays the amounts out as yuan numbers formatted #,##0.00, exact to the fen', async () => {
    const overdue = await download(Role.Leader, '/api/ledger/overdue.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await overdue.arrayBuffer());
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(3).value).toBe(20_000.07);
    expect(row.getCell(4).value).toBe(10_000.01);
    expect(row.getCell(4).numFmt).toBe('#,##0.00');
    expect(row.getCell(6).value).toBe(28);

    const journal = await download(Role.FundManager, `/api/cases/${CASE_ID}/journal.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await journal.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(7).value).toBe(123_456.01);
    expect(sheet.getRow(3).getCell(8).value).toBe(123_456.01);
    expect(sheet.getRow(3).getCell(5).value).toBe('案款账户');

    for (const [fen, yuan] of [
      [0, 0],
      [1, 0.01],
      [-3, -0.03],
      [10, 0.1],
      [123_456_789_012, 1_234_567_890.12],
    ] as const)
      expect(yuanOf(fen)).toBe(yuan);
  });

  it('refuses a case search without the text to look for, or asking for too many, naming the field', async () => {
    const missing = await call(Role.FundManager, 'GET', '/api/ledger/cases');
    expect(missing.status).toBe(400);
    // one error per broken rule (a string, its length), each naming q
    expect([...new Set(missing.body.errors?.map((e) => e.field))]).toEqual(['q']);
    const tooMany = await call(Role.Director, 'GET', '/api/ledger/cases?q=%E6%89%A7&limit=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.map((e) => e.field)).toEqual(['limit']);
    expect(routes.bus.sent).toEqual([]);
  });

  it('reads a reconciliation period as a month, a range or all, and refuses anything else naming it', async () => {
    await download(Role.Director, '/api/ledger/reconciliation/2026-02.xlsx');
    expect(routes.bus.sent[0]!.body).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    routes.bus.sent = [];
    await download(Role.Director, '/api/ledger/reconciliation/2026-11-03_2026-11-09.xlsx');
    expect(routes.bus.sent[0]!.body).toEqual({ from: '2026-11-03', to: '2026-11-09' });
    routes.bus.sent = [];
    await download(Role.Director, '/api/ledger/reconciliation/all.xlsx');
    expect(routes.bus.sent[0]!.body).toEqual({});
    routes.bus.sent = [];
    const bad = await download(Role.Director, '/api/ledger/reconciliation/last-week.xlsx');
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['period']);
    expect(routes.bus.sent).toEqual([]);
  });

  it('refuses a payout naming another case or carrying its key in the body, and bad ids, before asking', async () => {
    const otherCase = await call(Role.FundManager, 'POST', `/api/cases/${CASE_ID}/payouts`, {
      ...CREDITOR,
      amountFen: 100,
      caseId: '5f1c7d2a-8e3b-4a6c-9d0e-1f2a3b4c5d6e',
    });
    expect(otherCase.status).toBe(400);
    expect(otherCase.body.errors?.map((e) => e.field)).toEqual(['caseId']);
    const keyInBody = await call(Role.FundManager, 'POST', '/api/ledger/receipts', {
      amountFen: 100,
      source: 'VOLUNTARY',
      receivedOn: '2026-11-27',
      idempotencyKey: 'in-the-body-1',
    });
    expect(keyInBody.status).toBe(400);
    expect(keyInBody.body.errors?.map((e) => e.field)).toEqual(['idempotencyKey']);
    const notUuid = await call(Role.Director, 'POST', '/api/ledger/payouts/42/decision', { approve: true });
    expect(notUuid.body.errors?.map((e) => e.field)).toEqual(['payoutId']);
    const money = await call(Role.Officer, 'GET', '/api/cases/not-a-uuid/money');
    expect(money.body.errors?.map((e) => e.field)).toEqual(['caseId']);
    const yuan = await call(Role.FundManager, 'POST', `/api/cases/${CASE_ID}/payouts`, {
      ...CREDITOR,
      amountFen: 12.5,
    });
    expect(yuan.body.errors?.map((e) => e.field)).toEqual(['amountFen']);
    for (const answer of [notUuid, money, yuan]) expect(answer.status).toBe(400);
    expect(routes.bus.sent).toEqual([]);
  });

  it('passes on the second-approval refusal with its rule', async () => {
    routes.bus.failWith = new CodedError(ErrorCode.Forbidden, 'not by the asker', {
      rule: 'SECOND_PERSON_APPROVES',
    });
    const refused = await call(Role.Director, 'POST', `/api/ledger/payouts/${PAYOUT_ID}/decision`, {
      approve: true,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', rule: 'SECOND_PERSON_APPROVES' });
  });

  it('documents each body without the fields the path and the Idempotency-Key header supply', async () => {
    const docs = openApiDocument(routes.app) as unknown as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: object; required?: string[] }> };
    };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/money',
        '/api/cases/{id}/journal.xlsx',
        '/api/ledger/overdue.xlsx',
        '/api/ledger/payouts/{id}/decision',
        '/api/ledger/reconciliation/imports',
      ]),
    );
    const { RequestPayoutBody, RecordReceiptBody, DecidePayoutBody } = docs.components.schemas;
    expect(Object.keys(RequestPayoutBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['creditorId', 'creditorName', 'amountFen']),
    );
    expect(RequestPayoutBody?.properties).not.toHaveProperty('caseId');
    expect(RequestPayoutBody?.properties).not.toHaveProperty('idempotencyKey');
    expect(RecordReceiptBody?.properties).not.toHaveProperty('idempotencyKey');
    expect(RecordReceiptBody?.properties).toHaveProperty('caseId');
    expect(DecidePayoutBody?.properties).not.toHaveProperty('payoutId');
  });
});
