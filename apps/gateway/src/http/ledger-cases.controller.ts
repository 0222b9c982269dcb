import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  DEADLINE_STATES,
  GetCaseMoneyQuery,
  GetDistributionQuery,
  GetRecoveryQuery,
  ListJournalQuery,
  ListPayoutDeadlinesQuery,
  ListPayoutsQuery,
  MatchSuspenseCommand,
  PAYOUT_STATUSES,
  ProposeDistributionCommand,
  RequestPayoutCommand,
  Role,
  Subjects,
  type Actor,
  type CaseMoneyView,
  type DistributionPlanView,
  type JournalTransactionView,
  type ListJournalReply,
  type ListPayoutsReply,
  type PartyCaseMoneyView,
  type PayoutDeadlinesReply,
  type PayoutView,
  type ReceiptView,
  type RecoveryView,
} from '@writ/contracts';
import { BusClient, validateMessage } from '@writ/platform';
import { Allow, CurrentActor } from '../auth/access.js';
import { journalWorkbook, XLSX_TYPE } from './ledger-workbooks.js';
import { ApiCommandBody, keyedCommandFrom, withNumbers } from './request-input.js';
import { CASE_MONEY_READER_ROLES, FUND_MANAGER_ROLES } from './roles.js';

const JOURNAL_PAGE = 200;
/** a case's journal read whole for the export: 200 × 50 transactions is far beyond any real case */
const JOURNAL_MAX_PAGES = 50;

/**
 * 执行案款 of one case (一案一账号): what came in, what went out, what the case account holds, its journal,
 * its payouts with their 30-day deadlines and its distribution plan — for the court's staff who work the
 * case; a party sees only the sums of its own case. The fund manager (案款管理员) records the money's way
 * out. fund-ledger holds every rule — fees first, the second approval, the plan's objection window —
 * and these routes only build the command and pass on the answer.
 */
@ApiTags('case money')
@ApiBearerAuth()
@Controller('cases')
export class LedgerCasesController {
  constructor(private readonly bus: BusClient) {}

  /**
   * Received, paid out, held, each of the case's accounts, what is owed and the payout deadlines. A party
   * gets the three sums of a case that names it: the ledger keeps the parties' id numbers and decides,
   * with the party's own actor (another's case is 404 exactly like a missing one).
   */
  @Get(':id/money')
  @Allow(...CASE_MONEY_READER_ROLES, Role.Party)
  async money(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<CaseMoneyView | PartyCaseMoneyView> {
    const query = await validateMessage(GetCaseMoneyQuery, { caseId: id });
    return this.bus.request(Subjects.Ledger.CaseSummary, query, { actor });
  }

  /** The case's journal transactions with their postings, newest first. */
  @Get(':id/journal')
  @Allow(...CASE_MONEY_READER_ROLES)
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  async journal(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListJournalReply> {
    const validated = await validateMessage(ListJournalQuery, {
      ...withNumbers(query, ['page', 'pageSize']),
      caseId: id,
    });
    return this.bus.request(Subjects.Ledger.ListJournal, validated, { actor });
  }

  /** 案款明细账 as an Excel workbook for the finance office: every posting, debit and credit in yuan. */
  @Get(':id/journal.xlsx')
  @Allow(...CASE_MONEY_READER_ROLES)
  @ApiProduces(XLSX_TYPE)
  async journalWorkbook(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const query = await validateMessage(GetCaseMoneyQuery, { caseId: id });
    const money = await this.bus.request(Subjects.Ledger.CaseSummary, query, { actor });
    const transactions: JournalTransactionView[] = [];
    for (let page = 1; page <= JOURNAL_MAX_PAGES; page++) {
      const reply = await this.bus.request(
        Subjects.Ledger.ListJournal,
        { caseId: id, page, pageSize: JOURNAL_PAGE },
        { actor },
      );
      transactions.push(...reply.items);
      if (reply.items.length < JOURNAL_PAGE || transactions.length >= reply.total) break;
    }
    return journalWorkbook(money.caseNumber ?? id, transactions);
  }

  /** The case's payouts, every status. */
  @Get(':id/payouts')
  @Allow(...CASE_MONEY_READER_ROLES)
  @ApiQuery({ name: 'status', required: false, enum: PAYOUT_STATUSES })
  async payouts(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ListPayoutsReply> {
    const validated = await validateMessage(ListPayoutsQuery, { ...query, caseId: id });
    return this.bus.request(Subjects.Ledger.ListPayouts, validated, { actor });
  }

  /** Each receipt not yet paid out, with its 30-day deadline (执行款物管理规定 2017). */
  @Get(':id/payout-deadlines')
  @Allow(...CASE_MONEY_READER_ROLES)
  @ApiQuery({ name: 'state', required: false, enum: DEADLINE_STATES })
  async deadlines(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutDeadlinesReply> {
    const validated = await validateMessage(ListPayoutDeadlinesQuery, { ...query, caseId: id });
    return this.bus.request(Subjects.Ledger.PayoutDeadlines, validated, { actor });
  }

  /** The case's distribution plan (参与分配) with its objection window; 404 when there is none. */
  @Get(':id/distribution')
  @Allow(...CASE_MONEY_READER_ROLES)
  async distribution(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<DistributionPlanView> {
    const query = await validateMessage(GetDistributionQuery, { caseId: id });
    return this.bus.request(Subjects.Ledger.GetDistribution, query, { actor });
  }

  /** 执行标的到位率 of the case, beside the court's. */
  @Get(':id/recovery')
  @Allow(...CASE_MONEY_READER_ROLES, Role.Leader)
  async recovery(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<RecoveryView> {
    const query = await validateMessage(GetRecoveryQuery, { caseId: id });
    return this.bus.request(Subjects.Ledger.GetRecovery, query, { actor });
  }

  /**
   * 发放: pay a creditor out of the case's money, the unsettled execution fee first. Above the court's
   * threshold it waits for the director (PENDING_APPROVAL).
   */
  @Post(':id/payouts')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(RequestPayoutCommand, {
    fromPath: ['caseId'],
    idempotent: true,
    keyField: 'idempotencyKey',
  })
  async requestPayout(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<PayoutView> {
    const command = await validateMessage(
      RequestPayoutCommand,
      keyedCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Ledger.RequestPayout, command, { actor });
  }

  /** 认领: money waiting in suspense (待认领款) is the case's. */
  @Post(':id/suspense-match')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(MatchSuspenseCommand, {
    fromPath: ['caseId'],
    idempotent: true,
    keyField: 'idempotencyKey',
  })
  async matchSuspense(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReceiptView> {
    const command = await validateMessage(
      MatchSuspenseCommand,
      keyedCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Ledger.MatchSuspense, command, { actor });
  }

  /** 参与分配方案: served on the creditors and the debtor; objections within 15 days (民诉解释 Art 509). */
  @Post(':id/distribution')
  @HttpCode(201)
  @Allow(...FUND_MANAGER_ROLES)
  @ApiCommandBody(ProposeDistributionCommand, {
    fromPath: ['caseId'],
    idempotent: true,
    keyField: 'idempotencyKey',
  })
  async proposeDistribution(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<DistributionPlanView> {
    const command = await validateMessage(
      ProposeDistributionCommand,
      keyedCommandFrom(body, idempotencyKey, { caseId: id }),
    );
    return this.bus.request(Subjects.Ledger.ProposeDistribution, command, { actor });
  }
}
