import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type Actor,
  type JournalTransactionView,
  type ReverseTransactionCommand,
} from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import { AccountKind } from '../domain/chart-of-accounts.js';
import { reversalOf, TransactionKind } from '../domain/journal.js';
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

const RECEIVING = new Set<string>([TransactionKind.Receipt, TransactionKind.SuspenseMatch]);

/**
 * 冲正: a wrong transaction is never edited; its negation is posted, pointing at it (DESIGN.md: "corrections
 * are new records"). At most once per transaction (the unique corrects_id), never a reversal of a
 * reversal, and refused like any posting when a guarded account no longer holds the money — a receipt
 * already paid out cannot be reversed.
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
      if (original.caseId) await this.cases.find(tx.manager, original.caseId, true);
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
      if (!posted.replayed && original.caseId && RECEIVING.has(original.kind)) {
        // what the case received falls by what the reversed receipt had put into its account
        const received = -original.entries
          .filter((e) => e.accountCode === `CASE:${original.caseId}`)
          .reduce((sum, e) => sum + e.amountFen, 0);
        tx.defer(LedgerCaseRepository.ADD_RECEIVED, [original.caseId, -received]);
      }
      return transactionView((await this.repository.transaction(tx.manager, posted.transactionId))!);
    });
  }
}
