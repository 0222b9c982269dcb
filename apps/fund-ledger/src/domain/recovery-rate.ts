import type { Fen } from '@writ/contracts';

/**
 * 执行标的到位率 = amount recovered ÷ amount applied for (DOMAIN.md §12; the court's statistics count it
 * over closed cases). In permille, as an integer, to keep figures exact; null when nothing was applied for.
 */
export function recoveryPermille(receivedFen: Fen, claimFen: Fen): number | null {
  if (claimFen <= 0) return null;
  return Number((BigInt(receivedFen) * 1000n) / BigInt(claimFen));
}

export interface CaseRecovery {
  claimFen: Fen;
  receivedFen: Fen;
  closed: boolean;
}

export interface CourtRecovery {
  cases: number;
  claimFen: Fen;
  receivedFen: Fen;
  ratePermille: number | null;
  closedCases: number;
  closedClaimFen: Fen;
  closedReceivedFen: Fen;
  /** the official figure: over closed cases */
  closedRatePermille: number | null;
}

/**
 * A case's recovery is capped at its claim so one over-paid case does not lift the court's rate (what
 * came in beyond the claim goes back to the debtor, it is not recovery of the claim).
 */
export function courtRecovery(cases: readonly CaseRecovery[]): CourtRecovery {
  let claimFen = 0;
  let receivedFen = 0;
  let closedCases = 0;
  let closedClaimFen = 0;
  let closedReceivedFen = 0;
  for (const c of cases) {
    const received = Math.min(c.receivedFen, c.claimFen);
    claimFen += c.claimFen;
    receivedFen += received;
    if (c.closed) {
      closedCases += 1;
      closedClaimFen += c.claimFen;
      closedReceivedFen += received;
    }
  }
  return {
    cases: cases.length,
    claimFen,
    receivedFen,
    ratePermille: recoveryPermille(receivedFen, claimFen),
    closedCases,
    closedClaimFen,
    closedReceivedFen,
    closedRatePermille: recoveryPermille(closedReceivedFen, closedClaimFen),
  };
}
