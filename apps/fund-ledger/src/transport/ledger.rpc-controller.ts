import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetAccountBalanceQuery,
  GetCaseMoneyQuery,
  ListJournalQuery,
  MatchSuspenseCommand,
  RecordReceiptCommand,
  requireCourtStaff,
  ReverseTransactionCommand,
  SearchLedgerCasesQuery,
  Subjects,
  type AccountBalanceView,
  type CaseMoneyView,
  type PartyCaseMoneyView,
  type JournalTransactionView,
  type ListJournalReply,
  type ListSuspenseReply,
  type ReceiptView,
  type SealJournalReply,
  type SearchLedgerCasesReply,
  type VerifyJournalReply,
} from '@writ/contracts';
import { BusContext } from '@writ/platform';
import { CaseSearchQuery } from '../application/case-search.query.js';
import { JournalSealer } from '../application/journal-sealer.js';
import { JournalVerify } from '../application/journal-verify.js';
import { requireMoneyRole } from '../application/ledger-access.js';
import { LedgerQuery } from '../application/ledger-query.js';
import { ReceiptsUseCase } from '../application/receipts.use-case.js';
import { ReversalUseCase } from '../application/reversal.use-case.js';
import { SuspenseQuery } from '../application/suspense.query.js';

/** 执行案款 over the bus: validate (by the payload's class), call one use case, reply. */
@Controller()
export class LedgerRpcController {
  constructor(
    private readonly receipts: ReceiptsUseCase,
    private readonly reversals: ReversalUseCase,
    private readonly query: LedgerQuery,
    private readonly sealer: JournalSealer,
    private readonly verifier: JournalVerify,
    private readonly suspense: SuspenseQuery,
    private readonly caseSearch: CaseSearchQuery,
  ) {}

  @MessagePattern(Subjects.Ledger.RecordReceipt)
  record(@Payload() command: RecordReceiptCommand, @Ctx() ctx: BusContext): Promise<ReceiptView> {
    return this.receipts.record(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.MatchSuspense)
  match(@Payload() command: MatchSuspenseCommand, @Ctx() ctx: BusContext): Promise<ReceiptView> {
    return this.receipts.match(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ListSuspense)
  listSuspense(@Ctx() ctx: BusContext): Promise<ListSuspenseReply> {
    return this.suspense.list(ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.SearchCases)
  searchCases(
    @Payload() query: SearchLedgerCasesQuery,
    @Ctx() ctx: BusContext,
  ): Promise<SearchLedgerCasesReply> {
    return this.caseSearch.search(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ReverseTransaction)
  reverse(
    @Payload() command: ReverseTransactionCommand,
    @Ctx() ctx: BusContext,
  ): Promise<JournalTransactionView> {
    return this.reversals.reverse(command, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.AccountBalance)
  balance(@Payload() query: GetAccountBalanceQuery, @Ctx() ctx: BusContext): Promise<AccountBalanceView> {
    return this.query.balance(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.CaseSummary)
  caseMoney(
    @Payload() query: GetCaseMoneyQuery,
    @Ctx() ctx: BusContext,
  ): Promise<CaseMoneyView | PartyCaseMoneyView> {
    return this.query.caseMoney(query.caseId, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.ListJournal)
  journal(@Payload() query: ListJournalQuery, @Ctx() ctx: BusContext): Promise<ListJournalReply> {
    return this.query.journal(query, ctx.requireActor());
  }

  @MessagePattern(Subjects.Ledger.VerifyJournal)
  verify(@Ctx() ctx: BusContext): Promise<VerifyJournalReply> {
    requireCourtStaff(ctx.requireActor(), 'journal checks');
    return this.verifier.verify();
  }

  @MessagePattern(Subjects.Ledger.SealJournal)
  async seal(@Ctx() ctx: BusContext): Promise<SealJournalReply> {
    requireMoneyRole(ctx.requireActor(), 'seals of the journal');
    return { sealed: await this.sealer.sealNow() };
  }
}
