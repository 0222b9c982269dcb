import { addDays, daysBetween, type Fen } from '@writ/contracts';

/**
 * The 30-day rule: money that arrives for a case is accounted, its fee settled and paid to the applicant
 * within 30 days of arrival (执行款物管理规定 2017); some provinces require it faster, never slower.
 */
export const NATIONAL_PAYOUT_DEADLINE_DAYS = 30;

/** The province of a court from its code: the first character (辽1104 → 辽). */
export function provinceOf(courtCode: string): string {
  return [...courtCode][0] ?? '';
}

/** The court's deadline in days: its province's setting when there is one, never above the national 30. */
export function payoutDeadlineDays(
  courtCode: string,
  defaultDays: number,
  byProvince: ReadonlyMap<string, number>,
): number {
  const days = byProvince.get(provinceOf(courtCode)) ?? defaultDays;
  return Math.min(days, NATIONAL_PAYOUT_DEADLINE_DAYS);
}

export interface CaseReceipt {
  receiptId: string;
  caseId: string;
  amountFen: Fen;
  /** Asia/Shanghai date the money arrived */
  receivedOn: string;
}

export interface ReceiptDue extends CaseReceipt {
  deadline: string;
  /** the part of this receipt not yet paid out (fee settled or paid to a creditor) */
  unpaidFen: Fen;
  /** days from today to the deadline; negative when overdue */
  daysLeft: number;
}

/**
 * Which receipts are still unpaid, in arrival order: what was disbursed for the case (fees settled and
 * payouts confirmed by the bank) pays the oldest money first. A receipt fully covered is not listed.
 */
export function unpaidReceipts(
  receipts: readonly CaseReceipt[],
  disbursedFen: Fen,
  deadlineDays: number,
  today: string,
): ReceiptDue[] {
  const ordered = [...receipts].sort(
    (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.receiptId.localeCompare(b.receiptId),
  );
  let covered = disbursedFen;
  const due: ReceiptDue[] = [];
  for (const receipt of ordered) {
    const paid = Math.min(covered, receipt.amountFen);
    covered -= paid;
    const unpaidFen = receipt.amountFen - paid;
    if (unpaidFen <= 0) continue;
    const deadline = addDays(receipt.receivedOn, deadlineDays);
    due.push({ ...receipt, deadline, unpaidFen, daysLeft: daysBetween(today, deadline) });
  }
  return due;
}

export type DeadlineState = 'OK' | 'DUE_SOON' | 'OVERDUE';

/** Overdue after its deadline day; due soon from `alertDays` before it. */
export function deadlineState(due: { daysLeft: number }, alertDays: number): DeadlineState {
  if (due.daysLeft < 0) return 'OVERDUE';
  return due.daysLeft <= alertDays ? 'DUE_SOON' : 'OK';
}
