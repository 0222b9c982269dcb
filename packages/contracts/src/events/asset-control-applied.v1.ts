import type { Fen } from '../money.js';

/**
 * `asset.control.applied` v1 — asset-control holds an agency's confirmation of a freeze (冻结), seizure
 * (查封) or distraint (扣押) for a case. case-intake moves the 财产控制与分析 node on it.
 */
export interface AssetControlAppliedV1 {
  caseId: string;
  controlId: string;
  controlKind: 'FREEZE' | 'SEIZE' | 'DISTRAIN';
  /** what was actually controlled, in fen (a deposit) or the estimate (property) */
  amountFen: Fen;
  assetDescription: string;
  /** Asia/Shanghai date the agency confirmed */
  effectiveOn: string;
}
