import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  requireCourtStaff,
  Role,
  type AccountBalanceView,
  type Actor,
  type CaseMoneyView,
  type GetAccountBalanceQuery,
  type ListJournalQuery,
  type ListJournalReply,
  type PartyCaseMoneyView,
} from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import { AccountCodes, AccountKind, naturalBalance } from '../domain/chart-of-accounts.js';
import { JournalRepository, paidOutOfCase } from '../persistence/journal.repository.js';
import type { LedgerCase } from '../persistence/ledger-case.repository.js';
import { CaseDirectory } from './case-directory.js';
import { transactionView } from './reversal.use-case.js';

/**
 * A further part of the case's money panel (what is owed, the payout deadlines, …): the payout part
 * registers one with `CaseMoneyParts.register` and adds its fields to the view.
 */
export type CaseMoneyPart = (
  manager: EntityManager,
  ledgerCase: LedgerCase,
  view: CaseMoneyView,
) => Promise<Partial<CaseMoneyView> & Record<string, unknown>>;

@Injectable()
export class CaseMoneyParts {
  private readonly parts: CaseMoneyPart[] = [];

  register(part: CaseMoneyPart): void {
    this.parts.push(part);
  }

  all(): readonly CaseMoneyPart[] {
    return this.parts;
  }
}

/** A party's account (当事人), with no staff role beside it. */
function isPartyOnly(actor: Actor): boolean {
  return actor.roles.length > 0 && actor.roles.every((role) => role === Role.Party);
}

/** The ledger's read side: balances (now and at a past moment), the case's money, the journal. */
@Injectable()
export class LedgerQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly repository: JournalRepository,
    private readonly directory: CaseDirectory,
    private readonly parts: CaseMoneyParts,
  ) {}

  async balance(query: GetAccountBalanceQuery, actor: Actor): Promise<AccountBalanceView> {
    requireCourtStaff(actor, 'balances');
    const manager = this.unitOfWork.manager;
    const row = query.asOf
      ? await this.repository.balanceAt(manager, query.code, new Date(query.asOf))
      : await this.repository.balance(manager, query.code);
    if (!row || row.courtCode !== actor.courtCode) {
      throw new CodedError(ErrorCode.NotFound, `no account ${query.code} at this court`, {
        errors: [{ field: 'code', rule: 'accountOfCourt', message: 'not an account of this court' }],
      });
    }
    return {
      code: row.code,
      kind: row.kind,
      courtCode: row.courtCode,
      ...(row.caseId ? { caseId: row.caseId } : {}),
      balanceFen: naturalBalance(row.kind as AccountKind, row.signedFen),
      ...(query.asOf ? { asOf: new Date(query.asOf).toISOString() } : {}),
    };
  }

  async caseMoney(caseId: string, actor: Actor): Promise<CaseMoneyView | PartyCaseMoneyView> {
    if (isPartyOnly(actor)) return this.partyMoney(caseId, actor);
    requireCourtStaff(actor, 'the case’s money');
    const ledgerCase = await this.directory.ofCourt(caseId, actor);
    const manager = this.unitOfWork.manager;
    const accounts = await this.repository.accountsOfCase(manager, caseId);
    const caseCode = AccountCodes.caseAccount(caseId);
    const held = accounts.find((a) => a.code === caseCode);
    let view: CaseMoneyView = {
      caseId,
      courtCode: ledgerCase.courtCode,
      ...(ledgerCase.caseNumber ? { caseNumber: ledgerCase.caseNumber } : {}),
      receivedFen: ledgerCase.receivedFen,
      paidFen: await paidOutOfCase(manager, caseId),
      heldFen: held ? naturalBalance(AccountKind.Case, held.signedFen) : 0,
      accounts: accounts.map((a) => ({
        code: a.code,
        kind: a.kind,
        balanceFen: naturalBalance(a.kind as AccountKind, a.signedFen),
      })),
    };
    for (const part of this.parts.all()) view = { ...view, ...(await part(manager, ledgerCase, view)) };
    return view;
  }

  /**
   * A party's (当事人) own case: received, paid and held, nothing of accounts, creditors or deadlines. A case
   * the party is not named in reads exactly like a missing one.
   */
  private async partyMoney(caseId: string, actor: Actor): Promise<PartyCaseMoneyView> {
    const ledgerCase = await this.directory.ofParty(caseId, actor);
    const manager = this.unitOfWork.manager;
    const held = await this.repository.balance(manager, AccountCodes.caseAccount(caseId));
    return {
      caseId,
      ...(ledgerCase.caseNumber ? { caseNumber: ledgerCase.caseNumber } : {}),
      receivedFen: ledgerCase.receivedFen,
      paidFen: await paidOutOfCase(manager, caseId),
      heldFen: held ? naturalBalance(AccountKind.Case, held.signedFen) : 0,
    };
  }

  async journal(query: ListJournalQuery, actor: Actor): Promise<ListJournalReply> {
    requireCourtStaff(actor, 'journals');
    const manager = this.unitOfWork.manager;
    if (query.caseId) await this.directory.ofCourt(query.caseId, actor);
    const [where, params] = query.caseId
      ? ['t.case_id = $1', [query.caseId]]
      : ['t.court_code = $1', [actor.courtCode]];
    const [items, total] = await Promise.all([
      this.repository.transactions(manager, where, params, query.pageSize, (query.page - 1) * query.pageSize),
      this.repository.countTransactions(manager, where, params),
    ]);
    return { items: items.map(transactionView), total, page: query.page, pageSize: query.pageSize };
  }
}
