import { executionFeeFen, type Fen } from '@writ/contracts';

/**
 * 案款即将超期 (the 30-day payout rule, 执行款物管理规定 2017; DOMAIN.md §6): fund-ledger says once per
 * receipt when its money is due to be paid out soon (`ledger.payout.due-soon`). The ledger pays the oldest
 * money first: what left the case for its purpose (the execution fee, then the creditors' payouts) covers
 * the receipts in order of arrival. The case stage keeps, for each receipt it was told of, the figure the
 * case's disbursements must reach for that receipt to be paid out, and clears the alert when they do.
 */
export interface PayoutDue {
  receiptId: string;
  /** Asia/Shanghai day the money arrived */
  receivedOn: string;
  deadline: string;
  /** what was unpaid of the receipt when the ledger raised it */
  unpaidFen: Fen;
  /** the case's disbursements (fee + creditors' payouts) at which the receipt is paid out */
  paidWhenFen: Fen;
}

/**
 * What has left the case for its purpose, from what the case stage hears: the creditors' payouts
 * (`ledger.money.paid-out`), and the execution fee (诉讼费用交纳办法 Art 14 on the claim), which the
 * ledger settles in full with the first payout (fees first, 民诉解释 Art 508) — so counted once a
 * creditor has been paid anything.
 */
export function disbursedFen(c: { claimAmountFen: Fen; recoveredFen: Fen }): Fen {
  return c.recoveredFen > 0 ? c.recoveredFen + executionFeeFen(c.claimAmountFen) : 0;
}

/** The ledger's order of payment: older money first (by arrival day, then receipt). */
export function paidBefore(
  a: { receivedOn: string; receiptId: string },
  b: { receivedOn: string; receiptId: string },
): boolean {
  return a.receivedOn < b.receivedOn || (a.receivedOn === b.receivedOn && a.receiptId < b.receiptId);
}

/**
 * Where a receipt newly reported due stands: the case's disbursements must first pass what is disbursed
 * now and the older receipts still open, then its unpaid part. (Open receipts paid after it move back by
 * its unpaid part; the caller shifts them.)
 */
export function paidWhenFen(
  open: readonly PayoutDue[],
  due: { receiptId: string; receivedOn: string; unpaidFen: Fen },
  disbursed: Fen,
): Fen {
  const before = open.filter((d) => paidBefore(d, due)).map((d) => d.paidWhenFen);
  return Math.max(disbursed, ...before) + due.unpaidFen;
}

/** What of a receipt is still unpaid once the case's disbursements reached `disbursed`. */
export function remainingFen(due: PayoutDue, disbursed: Fen): Fen {
  return Math.min(due.unpaidFen, Math.max(0, due.paidWhenFen - disbursed));
}
