import { CodedError, ErrorCode, type Fen } from '@writ/contracts';

/** An unmatched receipt (待认领到账) still standing (not reversed), in arrival order. */
export interface SuspenseReceipt {
  id: string;
  amountFen: Fen;
}

/** A match (认领) still standing: the receipt it named, or null when it named none. */
export interface SuspenseMatch {
  amountFen: Fen;
  receiptId: string | null;
}

export interface SuspenseStanding {
  id: string;
  amountFen: Fen;
  /** matched by matches naming this receipt */
  namedFen: Fen;
  /** matched by matches naming no receipt, counted oldest receipt first */
  assumedFen: Fen;
  remainingFen: Fen;
}

/**
 * What is left of each unmatched receipt. Matches naming a receipt count against it first; what they
 * take beyond its amount, what matches naming no receipt (or a reversed one) take, is counted against
 * the oldest receipts first. So the remainders add up to the receipts less the matches — what the
 * suspense account holds — however the money was matched.
 */
export function suspenseStanding(
  receipts: readonly SuspenseReceipt[],
  matches: readonly SuspenseMatch[],
): SuspenseStanding[] {
  const named = new Map<string, number>();
  let unnamed = 0;
  const standing = new Set(receipts.map((r) => r.id));
  for (const match of matches) {
    if (match.receiptId !== null && standing.has(match.receiptId)) {
      named.set(match.receiptId, (named.get(match.receiptId) ?? 0) + match.amountFen);
    } else {
      unnamed += match.amountFen;
    }
  }
  const rows = receipts.map((r) => {
    const namedFen = named.get(r.id) ?? 0;
    const over = Math.max(0, namedFen - r.amountFen);
    unnamed += over;
    return { id: r.id, amountFen: r.amountFen, namedFen: namedFen - over, assumedFen: 0, remainingFen: 0 };
  });
  for (const row of rows) {
    const left = row.amountFen - row.namedFen;
    row.assumedFen = Math.min(left, unnamed);
    unnamed -= row.assumedFen;
    row.remainingFen = left - row.assumedFen;
  }
  return rows;
}

/**
 * A match naming its receipt may take no more than the receipt less what matches naming it took
 * already (RULE_VIOLATED, rule SUSPENSE_RECEIPT_EXCEEDED, field amountFen). What matches naming no
 * receipt took is not held against it: those are counted where they fit.
 */
export function assertMatchFits(receipt: SuspenseStanding, amountFen: Fen): void {
  const open = receipt.amountFen - receipt.namedFen;
  if (amountFen <= open) return;
  const message = `the unmatched receipt ${receipt.id} has ${open} fen left to match, not ${amountFen}`;
  throw new CodedError(ErrorCode.RuleViolated, message, {
    rule: 'SUSPENSE_RECEIPT_EXCEEDED',
    errors: [{ field: 'amountFen', rule: 'SUSPENSE_RECEIPT_EXCEEDED', message }],
  });
}
