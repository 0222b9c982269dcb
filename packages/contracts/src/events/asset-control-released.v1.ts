import type { ControlEndReason } from '../enums.js';
import type { Fen } from '../money.js';

/**
 * `asset.control.released` v1 — a control of asset-control ended: released by an order (解除), released
 * because the case was closed, or lapsed at the end of its term. case-intake and auction may act on it.
 */
export interface AssetControlReleasedV1 {
  caseId: string;
  controlId: string;
  controlKind: 'FREEZE' | 'SEIZE' | 'DISTRAIN';
  reason: ControlEndReason;
  /** what was controlled until then */
  amountFen: Fen;
  assetDescription: string;
  /** Asia/Shanghai date the control ended (for a lapse: the day after its last day) */
  releasedOn: string;
}
