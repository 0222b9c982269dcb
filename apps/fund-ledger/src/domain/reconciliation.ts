import { daysBetween, type Fen } from '@writ/contracts';

/**
 * 对账 — a bank statement line against the journal's entries on the dedicated account: the same
 * amount (money in: a debit of DEDICATED; money out: a credit), a date within ±N days (the bank books a
 * day or two apart from the court), and, among several such, the one whose case number or transaction
 * reference the memo (附言) names. Each entry and each line is matched at most once.
 */
export interface LedgerEntry {
  transactionId: string;
  /** the entry on DEDICATED: + money in, − money out */
  amountFen: Fen;
  /** Asia/Shanghai date posted */
  date: string;
  caseNumber?: string | null;
  /** other words a memo may carry for it: payout id, bank reference */
  references?: readonly string[];
}

export interface BankLine {
  serial: string;
  amountFen: Fen;
  date: string;
  memo: string;
}

export interface MatchedPair {
  serial: string;
  transactionId: string;
  /** the memo named the case or the reference */
  byReference: boolean;
}

function mentions(memo: string, entry: LedgerEntry): boolean {
  const words = [entry.caseNumber, ...(entry.references ?? [])].filter(
    (w): w is string => !!w && w.length >= 4,
  );
  return words.some((word) => memo.includes(word));
}

/** Lines in statement order; entries already matched elsewhere are not offered. */
export function matchStatement(
  lines: readonly BankLine[],
  entries: readonly LedgerEntry[],
  windowDays: number,
): MatchedPair[] {
  const free = [...entries];
  const pairs: MatchedPair[] = [];
  // lines whose memo names an entry go first, so a line without a memo cannot take their entry
  const ordered = [...lines].sort((a, b) => {
    const ra = free.some((e) => e.amountFen === a.amountFen && mentions(a.memo, e)) ? 0 : 1;
    const rb = free.some((e) => e.amountFen === b.amountFen && mentions(b.memo, e)) ? 0 : 1;
    return ra - rb;
  });
  for (const line of ordered) {
    const candidates = free
      .map((entry, at) => ({ entry, at, gap: Math.abs(daysBetween(entry.date, line.date)) }))
      .filter(({ entry, gap }) => entry.amountFen === line.amountFen && gap <= windowDays);
    if (!candidates.length) continue;
    candidates.sort(
      (a, b) =>
        Number(mentions(line.memo, b.entry)) - Number(mentions(line.memo, a.entry)) ||
        a.gap - b.gap ||
        a.entry.date.localeCompare(b.entry.date) ||
        a.entry.transactionId.localeCompare(b.entry.transactionId),
    );
    const best = candidates[0]!;
    pairs.push({
      serial: line.serial,
      transactionId: best.entry.transactionId,
      byReference: mentions(line.memo, best.entry),
    });
    free.splice(best.at, 1);
  }
  return pairs;
}
