import type { Fen } from '../money.js';

/**
 * `asset.property.found-after-closure` v1 — the 6-monthly re-search of a 终本 case found property.
 * case-intake opens a 执恢 case from it (DOMAIN.md §4, §8).
 */
export interface AssetPropertyFoundAfterClosureV1 {
  /** the 终本 case that was re-searched */
  caseId: string;
  assetsFound: number;
  totalValueFen: Fen;
  description: string;
}
