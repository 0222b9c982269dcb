import type { ObjectionDecision } from '../enums.js';

/**
 * `case.objection.filed` v1 — an objection (执行异议) was filed in a case. A third party's objection
 * naming an asset blocks its sale until decided (民诉法 Art 238): auction holds that asset's lots.
 */
export interface CaseObjectionFiledV1 {
  objectionCaseId: string;
  objectionCaseNumber: string;
  targetCaseId: string;
  thirdParty: boolean;
  /** the asset objected to, as asset-control or auction names it */
  assetRef?: string;
  decisionDueOn: string;
}

/** `case.objection.decided` v1 — the objection was decided; a dismissed one frees the asset for sale. */
export interface CaseObjectionDecidedV1 {
  objectionCaseId: string;
  targetCaseId: string;
  thirdParty: boolean;
  assetRef?: string;
  decision: ObjectionDecision;
  decidedOn: string;
}
