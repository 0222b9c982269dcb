import { CodedError, ErrorCode, formatFen, type Fen } from '@writ/contracts';
import { AccountCodes } from './chart-of-accounts.js';
import { TransactionKind, type Line } from './journal.js';

/**
 * The transactions that put money into a case's account as money the case received (到账): a receipt, a
 * suspense match (认领), the winner's deposit applied to the price, a forfeited deposit applied to the
 * debt. Each raised the case's total received by what it credited to the case's account.
 */
const RECEIVING_KINDS: ReadonlySet<string> = new Set([
  TransactionKind.Receipt,
  TransactionKind.SuspenseMatch,
  TransactionKind.DepositApplied,
  TransactionKind.ForfeitApplied,
]);

/**
 * What a transaction added to its case's total received, in fen: the credit to the case's account of a
 * receiving kind (0 for every other kind and for a transaction of no case). A reversal of it takes as
 * much off the total.
 */
export function receivedBy(t: { kind: string; caseId: string | null; entries: readonly Line[] }): Fen {
  if (!t.caseId || !RECEIVING_KINDS.has(t.kind)) return 0;
  const account = AccountCodes.caseAccount(t.caseId);
  const credited = -t.entries.filter((e) => e.accountCode === account).reduce((s, e) => s + e.amountFen, 0);
  return Math.max(0, credited);
}

/**
 * 冲正 of money received is possible only while that money is still in the case's account: what was
 * paid out of it (the fee settled, a creditor's payout) cannot be taken back by reversing its receipt —
 * the payout is reversed first (DOMAIN.md §6, every movement traceable). Refused with 422
 * RECEIPT_ALREADY_PAID_OUT naming the transaction.
 */
export function assertReceiptStillHeld(r: {
  transactionId: string;
  receivedFen: Fen;
  caseBalanceFen: Fen;
}): void {
  if (r.caseBalanceFen >= r.receivedFen) return;
  const message =
    `transaction ${r.transactionId} put ${formatFen(r.receivedFen)} into the case's account, which holds only ` +
    `${formatFen(r.caseBalanceFen)}: part of it was paid out (or set aside as the fee) already; ` +
    `reverse the payout first`;
  throw new CodedError(ErrorCode.RuleViolated, message, {
    rule: 'RECEIPT_ALREADY_PAID_OUT',
    errors: [{ field: 'transactionId', rule: 'RECEIPT_ALREADY_PAID_OUT', message }],
  });
}
