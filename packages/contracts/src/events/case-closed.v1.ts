import type { ClosureType } from '../enums.js';
import type { Fen } from '../money.js';

/**
 * `case.closed` v1 — case-intake closed a case (结案). When `releaseControls` is true, asset-control
 * releases what is still frozen or seized for it and auction withdraws its lots; a 终本 case keeps its
 * controls.
 */
export interface CaseClosedV1 {
  caseId: string;
  caseNumber: string;
  closureType: ClosureType;
  closedOn: string;
  releaseControls: boolean;
  recoveredFen: Fen;
}
