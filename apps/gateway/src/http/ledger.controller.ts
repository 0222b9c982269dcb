import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  addDays,
  addMonths,
  ApplyForfeitedDepositCommand,
  ConfirmPayoutCommand,
  DEADLINE_STATES,
  DecideDistributionObjectionCommand,
  DecidePayoutCommand,
  ForfeitDepositCommand,
  GetAccountBalanceQuery,
  GetReconciliationQuery,
  GetRecoveryQuery,
  HoldDepositCommand,
  ImportBankStatementCommand,
  ListJournalQuery,
  ListLotDepositsQuery,
  ListOverduePayoutsQuery,
  ListOverdueRefundsQuery,
  ListPayoutDeadlinesQuery,
  ListPayoutsQuery,
  ObjectToDistributionCommand,
  PAYOUT_STATUSES,
  RecordReceiptCommand,
  RefundDepositCommand,
  ReverseTransactionCommand,
  Role,
  ScanPayoutDeadlinesCommand,
  SearchLedgerCasesQuery,
  SettleLotDepositsCommand,
  Subjects,
  type AccountBalanceView,
  type Actor,
  type DepositView,
  type DistributionPlanView,
  type ForfeitApplicationView,
  type ImportBankStatementReply,
  type JournalTransactionView,
  type ListDepositsReply,
  type ListJournalReply,
  type ListPayoutsReply,
  type ListSuspenseReply,
  type PayoutDeadlinesReply,
  type PayoutView,
  type ReceiptView,
  type ReconciliationView,
  type RecoveryView,
  type ScanPayoutDeadlinesReply,
  type SealJournalReply,
  type SearchLedgerCasesReply,
  type VerifyJournalReply,
} from '@writ/contracts';
import { BusClient, validateMessage, validationFailed } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { overdueWorkbook, reconciliationWorkbook, XLSX_TYPE } from './ledger-workbooks.js';
import { ApiCommandBody, commandFrom, keyedCommandFrom, withNumbers } from './request-input.js';
import {
  CASE_MONEY_READER_ROLES,
  FUND_MANAGER_ROLES,
  FUND_OFFICE_ROLES,
  FUND_REPORT_ROLES,
} from './roles.js';

/** `2026-11` (a month), `2026-11-01_2026-11-30` (from_to) or `all`: the period of a reconciliation export. */
function periodOf(period: string): { from?: string; to?: string } {
  if (period === 'all') return {};
  const month = /^(\d{4}-\d{2})$/.exec(period);
  if (month) {
    const from = `${month[1]}-01`;
    return { from, to: addDays(addMonths(from, 1), -1) };
  }
  const range = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (range) return { from: range[1]!, to: range[2]! };
  throw validationFailed([
    {
      field: 'period',
      rule: 'reconciliationPeriod',
      message: 'the period is YYYY-MM, YYYY-MM-DD_YYYY-MM-DD or all',
    },
  ]);
}

/**
 * 执行案款 of the court as a whole: receipts into the dedicated account (执行款专户), the payout approval
 * queue (双人审批), the bank's confirmations, the 30-day report (案款超期), distribution objections, bidder
 * deposits (竞买保证金), reconciliation with the bank's statement (对账), the journal and its seal.
 * fund-ledger holds every rule; these routes build the command, scope it by the caller's court (the
 * ledger answers another court's ids as missing) and pass on the answer.
 */
@ApiTags('fund ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly bus: BusClient) {}

  /** 到账: money in the dedicated account; with `caseId` the case's, without it waits in suspense. */
  @Post('receipts')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(RecordReceiptCommand, { idempotent: true, keyField: 'idempotencyKey' })
  async recordReceipt(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReceiptView> {
    const command = await validateMessage(RecordReceiptCommand, keyedCommandFrom(body, idempotencyKey));
    return this.bus.request(Subjects.Ledger.RecordReceipt, command, { actor });
  }

  /** 待认领款: the court's unmatched receipts not yet matched in full, each with what is left of it. */
  @Get('suspense')
  @Allow(...FUND_OFFICE_ROLES)
  async suspense(@CurrentActor() actor: Actor): Promise<ListSuspenseReply> {
    return this.bus.request(Subjects.Ledger.ListSuspense, {}, { actor });
  }

  /** The court's cases whose number contains `q`, for the fund office to pick the case money is for. */
  @Get('cases')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiQuery({ name: 'q', required: true, type: String, description: 'part of the case number, e.g. 执123' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  async searchCases(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<SearchLedgerCasesReply> {
    const validated = await validateMessage(SearchLedgerCasesQuery, withNumbers(query, ['limit']));
    return this.bus.request(Subjects.Ledger.SearchCases, validated, { actor });
  }

  /** The payout queue: without filters the payouts waiting for the director. */
  @Get('payouts')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiQuery({ name: 'status', required: false, enum: PAYOUT_STATUSES })
  @ApiQuery({ name: 'caseId', required: false, type: String })
  async payouts(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListPayoutsReply> {
    const validated = await validateMessage(ListPayoutsQuery, { ...query });
    return this.bus.request(Subjects.Ledger.ListPayouts, validated, { actor });
  }

  /** The director's second approval; never by whoever asked (the ledger answers 403 naming the rule). */
  @Post('payouts/:id/decision')
  @HttpCode(200)
  @Allow(Role.Director)
  @ApiCommandBody(DecidePayoutCommand, { fromPath: ['payoutId'] })
  async decidePayout(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutView> {
    const command = await validateMessage(DecidePayoutCommand, commandFrom(body, { payoutId: id }));
    return this.bus.request(Subjects.Ledger.DecidePayout, command, { actor });
  }

  /** The bank paid the creditor: the payout is PAID (a repeat with the same day answers the first). */
  @Post('payouts/:id/confirm')
  @HttpCode(200)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ConfirmPayoutCommand, { fromPath: ['payoutId'] })
  async confirmPayout(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutView> {
    const command = await validateMessage(ConfirmPayoutCommand, commandFrom(body, { payoutId: id }));
    return this.bus.request(Subjects.Ledger.ConfirmPayout, command, { actor });
  }

  /** Every receipt of the court not yet paid out, with its deadline. */
  @Get('deadlines')
  @Allow(...FUND_REPORT_ROLES)
  @ApiQuery({ name: 'state', required: false, enum: DEADLINE_STATES })
  async deadlines(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutDeadlinesReply> {
    const validated = await validateMessage(ListPayoutDeadlinesQuery, { ...query });
    return this.bus.request(Subjects.Ledger.PayoutDeadlines, validated, { actor });
  }

  /** 案款超期: what is unpaid past its 30-day deadline, the audit's "funds unpaid > 30 days". */
  @Get('overdue')
  @Allow(...FUND_REPORT_ROLES)
  @ApiQuery({ name: 'asOf', required: false, type: String, description: 'YYYY-MM-DD, default today' })
  async overdue(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutDeadlinesReply> {
    const validated = await validateMessage(ListOverduePayoutsQuery, { ...query });
    return this.bus.request(Subjects.Ledger.OverduePayouts, validated, { actor });
  }

  /** The overdue report as an Excel workbook for the finance office. */
  @Get('overdue.xlsx')
  @Allow(...FUND_REPORT_ROLES)
  @ApiProduces(XLSX_TYPE)
  @ApiQuery({ name: 'asOf', required: false, type: String, description: 'YYYY-MM-DD, default today' })
  async overdueWorkbook(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const validated = await validateMessage(ListOverduePayoutsQuery, { ...query });
    const report = await this.bus.request(Subjects.Ledger.OverduePayouts, validated, { actor });
    return overdueWorkbook(report, actor.courtCode);
  }

  /** Raises the due-soon alerts now instead of at the timer's next round. */
  @Post('deadlines/scan')
  @HttpCode(200)
  @Allow(...FUND_OFFICE_ROLES)
  async scanDeadlines(@CurrentActor() actor: Actor): Promise<ScanPayoutDeadlinesReply> {
    const command = await validateMessage(ScanPayoutDeadlinesCommand, {});
    return this.bus.request(Subjects.Ledger.ScanPayoutDeadlines, command, { actor });
  }

  /** 执行标的到位率 of the court: all cases, and the official figure over closed ones. */
  @Get('recovery')
  @Allow(...FUND_REPORT_ROLES)
  async recovery(@CurrentActor() actor: Actor): Promise<RecoveryView> {
    const query = await validateMessage(GetRecoveryQuery, {});
    return this.bus.request(Subjects.Ledger.GetRecovery, query, { actor });
  }

  /** A creditor's or the debtor's written objection to a distribution plan, recorded by the court. */
  @Post('distributions/:id/objections')
  @HttpCode(201)
  @Allow(...CASE_MONEY_READER_ROLES)
  @ApiCommandBody(ObjectToDistributionCommand, { fromPath: ['planId'] })
  async objectToDistribution(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<DistributionPlanView> {
    const command = await validateMessage(ObjectToDistributionCommand, commandFrom(body, { planId: id }));
    return this.bus.request(Subjects.Ledger.ObjectToDistribution, command, { actor });
  }

  /** The court's decision on an objection (民诉解释 Art 510): upheld with revised claims, or dismissed. */
  @Post('distributions/:id/objections/:objectionId/decision')
  @HttpCode(200)
  @Allow(Role.Director)
  @ApiCommandBody(DecideDistributionObjectionCommand, { fromPath: ['planId', 'objectionId'] })
  async decideObjection(
    @Param('id') id: string,
    @Param('objectionId') objectionId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<DistributionPlanView> {
    const command = await validateMessage(
      DecideDistributionObjectionCommand,
      commandFrom(body, { planId: id, objectionId }),
    );
    return this.bus.request(Subjects.Ledger.DecideDistributionObjection, command, { actor });
  }

  /** 竞买保证金 arrived for a lot. */
  @Post('deposits')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(HoldDepositCommand, { idempotent: true, keyField: 'idempotencyKey' })
  async holdDeposit(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<DepositView> {
    const command = await validateMessage(HoldDepositCommand, keyedCommandFrom(body, idempotencyKey));
    return this.bus.request(Subjects.Ledger.HoldDeposit, command, { actor });
  }

  /** Deposits whose 24-hour refund is late (网络司法拍卖规定 2016 Art 23). */
  @Get('deposits/overdue')
  @Allow(...FUND_REPORT_ROLES)
  @ApiQuery({ name: 'asOf', required: false, type: String })
  async overdueRefunds(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListDepositsReply> {
    const validated = await validateMessage(ListOverdueRefundsQuery, { ...query });
    return this.bus.request(Subjects.Ledger.OverdueRefunds, validated, { actor });
  }

  /** The bank returned a deposit. */
  @Post('deposits/:id/refund')
  @HttpCode(200)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(RefundDepositCommand, { fromPath: ['depositId'] })
  async refundDeposit(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<DepositView> {
    const command = await validateMessage(RefundDepositCommand, commandFrom(body, { depositId: id }));
    return this.bus.request(Subjects.Ledger.RefundDeposit, command, { actor });
  }

  /** A lot's deposits. */
  @Get('lots/:lotId/deposits')
  @Allow(...FUND_OFFICE_ROLES)
  async lotDeposits(@Param('lotId') lotId: string, @CurrentActor() actor: Actor): Promise<ListDepositsReply> {
    const query = await validateMessage(ListLotDepositsQuery, { lotId });
    return this.bus.request(Subjects.Ledger.ListLotDeposits, query, { actor });
  }

  /** Bidding ended: the winner's deposit goes to the price, the others are due back within 24 hours. */
  @Post('lots/:lotId/deposits/settle')
  @HttpCode(200)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(SettleLotDepositsCommand, { fromPath: ['lotId'] })
  async settleDeposits(
    @Param('lotId') lotId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ListDepositsReply> {
    const command = await validateMessage(SettleLotDepositsCommand, commandFrom(body, { lotId }));
    return this.bus.request(Subjects.Ledger.SettleLotDeposits, command, { actor });
  }

  /** 悔拍: the defaulting buyer's deposit is forfeited (Art 24). */
  @Post('lots/:lotId/deposits/forfeit')
  @HttpCode(200)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ForfeitDepositCommand, { fromPath: ['lotId'] })
  async forfeitDeposit(
    @Param('lotId') lotId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<DepositView> {
    const command = await validateMessage(ForfeitDepositCommand, commandFrom(body, { lotId }));
    return this.bus.request(Subjects.Ledger.ForfeitDeposit, command, { actor });
  }

  /** After the resale, the forfeited deposit pays costs, the shortfall, then the debt. */
  @Post('lots/:lotId/deposits/apply-forfeited')
  @HttpCode(200)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ApplyForfeitedDepositCommand, { fromPath: ['lotId'] })
  async applyForfeited(
    @Param('lotId') lotId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ForfeitApplicationView> {
    const command = await validateMessage(ApplyForfeitedDepositCommand, commandFrom(body, { lotId }));
    return this.bus.request(Subjects.Ledger.ApplyForfeitedDeposit, command, { actor });
  }

  /** 对账: the bank's statement of the dedicated account, as CSV text in `csv`. */
  @Post('reconciliation/imports')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ImportBankStatementCommand)
  async importStatement(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ImportBankStatementReply> {
    const command = await validateMessage(ImportBankStatementCommand, commandFrom(body, {}));
    return this.bus.request(Subjects.Ledger.ImportBankStatement, command, { actor });
  }

  /** Matched pairs and the unmatched on either side, for a period. */
  @Get('reconciliation')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiQuery({ name: 'from', required: false, type: String })
  @ApiQuery({ name: 'to', required: false, type: String })
  async reconciliation(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ReconciliationView> {
    const validated = await validateMessage(GetReconciliationQuery, { ...query });
    return this.bus.request(Subjects.Ledger.GetReconciliation, validated, { actor });
  }

  /** The reconciliation of a period (`2026-11`, `2026-11-01_2026-11-30` or `all`) as an Excel workbook. */
  @Get('reconciliation/:period.xlsx')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiProduces(XLSX_TYPE)
  async reconciliationWorkbook(
    @Param('period') period: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    const validated = await validateMessage(GetReconciliationQuery, periodOf(period));
    const view = await this.bus.request(Subjects.Ledger.GetReconciliation, validated, { actor });
    return reconciliationWorkbook(view, period);
  }

  /** The court's journal, newest first. */
  @Get('journal')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  async journal(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListJournalReply> {
    const validated = await validateMessage(ListJournalQuery, withNumbers(query, ['page', 'pageSize']));
    return this.bus.request(Subjects.Ledger.ListJournal, validated, { actor });
  }

  /** Recomputes every hash and the chain; names the first broken link. */
  @Post('journal/verify')
  @HttpCode(200)
  @Allow(...FUND_OFFICE_ROLES)
  async verify(@CurrentActor() actor: Actor): Promise<VerifyJournalReply> {
    return this.bus.request(Subjects.Ledger.VerifyJournal, {}, { actor });
  }

  /** Seals what is unsealed now instead of at the sealer's next round. */
  @Post('journal/seal')
  @HttpCode(200)
  @Allow(...FUND_OFFICE_ROLES)
  async seal(@CurrentActor() actor: Actor): Promise<SealJournalReply> {
    return this.bus.request(Subjects.Ledger.SealJournal, {}, { actor });
  }

  /** 冲正: the negated entries of a wrong transaction, pointing at it; once per transaction. */
  @Post('transactions/:id/reverse')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ReverseTransactionCommand, {
    fromPath: ['transactionId'],
    idempotent: true,
    keyField: 'idempotencyKey',
  })
  async reverse(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<JournalTransactionView> {
    const command = await validateMessage(
      ReverseTransactionCommand,
      keyedCommandFrom(body, idempotencyKey, { transactionId: id }),
    );
    return this.bus.request(Subjects.Ledger.ReverseTransaction, command, { actor });
  }

  /** An account's balance on its natural side, now or as it stood at `asOf` (an instant). */
  @Get('accounts/:code/balance')
  @Allow(...FUND_OFFICE_ROLES)
  @ApiQuery({ name: 'asOf', required: false, type: String })
  async balance(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<AccountBalanceView> {
    const validated = await validateMessage(GetAccountBalanceQuery, { ...query, code });
    return this.bus.request(Subjects.Ledger.AccountBalance, validated, { actor });
  }
}
