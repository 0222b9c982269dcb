import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  shanghaiDateOf,
  type Actor,
  type JournalTransactionView,
  type ReverseTransactionCommand,
} from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import { AccountCodes, AccountKind } from '../domain/chart-of-accounts.js';
import { reversalOf, TransactionKind } from '../domain/journal.js';
import { assertReceiptStillHeld, receivedBy } from '../domain/reversal.js';
import { accountsByCode, JournalRepository, type TransactionRow } from '../persistence/journal.repository.js';
import { LedgerCaseRepository } from '../persistence/ledger-case.repository.js';
import { Journal, type AccountRef } from './journal.js';
import { requireMoneyRole } from './ledger-access.js';

/** A transaction as the journal list and the reversal answer show it. */
export function transactionView(t: TransactionRow): JournalTransactionView {
  return {
    id: t.id,
    seq: t.seq,
    kind: t.kind,
    courtCode: t.courtCode,
    ...(t.caseId ? { caseId: t.caseId } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
    postedAt: t.postedAt.toISOString(),
    postedBy: t.actor.username ?? '',
    ...(t.correctsId ? { correctsId: t.correctsId } : {}),
    ...(t.reversedById ? { reversedById: t.reversedById } : {}),
    sealed: t.sealed,
    entries: t.entries.map((e) => ({ accountCode: e.accountCode, amountFen: e.amountFen })),
  };
}

/**
 * 冲正: a wrong transaction is never edited; its negation is posted, pointing at it (DESIGN.md: "corrections
 * are new records"). At most once per transaction (the unique corrects_id), never a reversal of a
 * reversal, and refused like any posting when a guarded account no longer holds the money — a receipt
 * already paid out cannot be reversed (422 RECEIPT_ALREADY_PAID_OUT). A reversal of money the case
 * received lowers its total received and says `ledger.money.reversed`, once.
 */
@Injectable()
export class ReversalUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly journal: Journal,
    private readonly repository: JournalRepository,
    private readonly cases: LedgerCaseRepository,
  ) {}

  async reverse(command: ReverseTransactionCommand, actor: Actor): Promise<JournalTransactionView> {
    requireMoneyRole(actor, 'reversals');
    return this.unitOfWork.run(async (tx) => {
      const original = await this.repository.transaction(tx.manager, command.transactionId);
      if (!original || original.courtCode !== actor.courtCode) {
        throw new CodedError(
          ErrorCode.NotFound,
          `no journal transaction ${command.transactionId} at this court`,
          {
            errors: [
              {
                field: 'transactionId',
                rule: 'transactionOfCourt',
                message: 'not a transaction of this court',
              },
            ],
          },
        );
      }
      if (original.kind === (TransactionKind.Reversal as string)) {
        throw new CodedError(
          ErrorCode.InvalidState,
          'a reversal is not reversed; post the correct transaction anew',
          {
            rule: 'REVERSAL_NOT_REVERSED',
          },
        );
      }
      if (original.reversedById && !(await this.repository.findByKey(tx.manager, command.idempotencyKey))) {
        throw new CodedError(
          ErrorCode.InvalidState,
          `the transaction was already reversed by ${original.reversedById}`,
          {
            rule: 'REVERSED_ONCE',
          },
        );
      }
      // the case row before the accounts, as receipts take them
      const ledgerCase = original.caseId ? await this.cases.find(tx.manager, original.caseId, true) : null;
      const received = ledgerCase ? receivedBy(original) : 0;
      // a retry of this reversal (its key posted already) is answered by the journal, not weighed again
      if (
        ledgerCase &&
        received > 0 &&
        !(await this.repository.findByKey(tx.manager, command.idempotencyKey))
      ) {
        assertReceiptStillHeld({
          transactionId: original.id,
          receivedFen: received,
          caseBalanceFen: await this.journal.balance(tx.manager, AccountCodes.caseAccount(ledgerCase.caseId)),
        });
      }
      const known = new Map(
        (
          await accountsByCode(
            tx.manager,
            original.entries.map((e) => e.accountCode),
          )
        ).map((a) => [a.code, a]),
      );
      const lines = reversalOf(original.entries).map((line) => {
        const account = known.get(line.accountCode)!;
        const ref: AccountRef = {
          code: account.code,
          kind: account.kind as AccountKind,
          courtCode: account.courtCode,
          ...(account.caseId ? { caseId: account.caseId } : {}),
        };
        return { account: ref, amountFen: line.amountFen };
      });
      const posted = await this.journal.post(tx, {
        idempotencyKey: command.idempotencyKey,
        kind: TransactionKind.Reversal,
        courtCode: original.courtCode,
        ...(original.caseId ? { caseId: original.caseId } : {}),
        memo: command.reason,
        correctsId: original.id,
        lines,
        actor,
      });
      if (!posted.replayed && ledgerCase && received > 0) {
        // what the case received falls by what the reversed transaction had put into its account; the
        // case row is locked, so its total now less that is the total after
        tx.defer(LedgerCaseRepository.ADD_RECEIVED, [ledgerCase.caseId, -received]);
        await tx.emit(
          Events.LedgerMoneyReversed,
          {
            caseId: ledgerCase.caseId,
            receiptId: original.id,
            reversalId: posted.transactionId,
            amountFen: received,
            // never below zero, even where a forfeited deposit (which tells no one) lowered the total first
            totalReceivedFen: Math.max(0, ledgerCase.receivedFen - received),
            reversedOn: shanghaiDateOf(new Date(posted.postedAt)),
            reason: command.reason,
          },
          { courtCode: original.courtCode, actor },
        );
      }
      return transactionView((await this.repository.transaction(tx.manager, posted.transactionId))!);
    });
  }
}
