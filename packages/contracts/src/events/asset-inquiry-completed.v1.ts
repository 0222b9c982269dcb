import type { Fen } from '../money.js';

/**
 * `asset.inquiry.completed` v1 — asset-control has an answer or a final failure from every agency kind
 * for every respondent of a case. case-intake advances the 财产查询 node on it.
 */
export interface AssetInquiryCompletedV1 {
  caseId: string;
  caseNumber: string;
  answered: number;
  failed: number;
  assetsFound: number;
  /** sum of balances and estimates found, in fen */
  totalValueFen: Fen;
  /** balances found in deposit accounts (存款), which triage compares with the claim */
  depositsFoundFen?: Fen;
}
