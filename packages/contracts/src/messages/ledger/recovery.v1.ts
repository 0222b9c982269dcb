import { IsOptional, IsUUID } from 'class-validator';
import type { Fen } from '../../money.js';

/**
 * `ledger.recovery.get` v1 — 执行标的到位率 (DOMAIN.md §12): received ÷ claim, for one case or for the
 * actor's court (all cases, and the official figure over closed cases). Rates in permille.
 */
export class GetRecoveryQuery {
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export interface CaseRecoveryView {
  caseId: string;
  caseNumber?: string;
  claimFen: Fen;
  receivedFen: Fen;
  paidFen: Fen;
  ratePermille: number | null;
  closed: boolean;
}

export interface RecoveryView {
  courtCode: string;
  case?: CaseRecoveryView;
  court: {
    cases: number;
    claimFen: Fen;
    receivedFen: Fen;
    ratePermille: number | null;
    closedCases: number;
    closedClaimFen: Fen;
    closedReceivedFen: Fen;
    closedRatePermille: number | null;
  };
}
