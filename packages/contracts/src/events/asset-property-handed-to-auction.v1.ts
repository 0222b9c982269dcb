import type { AgencyKind } from '../enums.js';
import type { Fen } from '../money.js';

/**
 * `asset.property.handed-to-auction` v1 — asset-control hands a seized or distrained asset in force to
 * the disposal stage (移交拍卖, 司法处置); the auction stage listens and opens the reference-price
 * procedure (确定财产处置参考价规定 2018: started within 30 days of the seizure). Sent once per control.
 */
export interface AssetPropertyHandedToAuctionV1 {
  caseId: string;
  caseNumber: string;
  courtCode: string;
  controlId: string;
  controlKind: 'FREEZE' | 'SEIZE' | 'DISTRAIN';
  agencyKind: AgencyKind;
  /** the found asset of the inquiry, when the control was ordered on one */
  assetId?: string;
  /** whose property: 居民身份证号码 or 统一社会信用代码 */
  respondentIdNumber: string;
  /** certificate number, plate, credit code, ... as the registry reported it */
  identifier: string;
  /**
   * what and where it is, as the registry reported it (for real estate the address and floor area;
   * the inquiry reports no separate location)
   */
  description: string;
  /** the registry or custodian that reported the record and holds the seizure, e.g. 盘锦市不动产登记中心 */
  registry: string;
  /** the value the registry or the officer estimated; absent when none is known */
  estimatedValueFen?: Fen;
  /** the control's last day in force (民诉解释 Art 485): the sale must finish or the control be renewed */
  expiresOn: string;
  /** the date the seizure came into force: the auction stage's 30-day reference-price clock starts here */
  effectiveOn: string;
  /**
   * 轮候: another court's case held the property before this control (the agency's answer when ordered);
   * the first-seizing court's priority matters to the sale (查封规定 Art 26)
   */
  otherCourtsQueued: boolean;
  otherCourtCase?: string;
  /** the officer who handed it over */
  handedBy: string;
  handedByName: string;
  /** ISO timestamp */
  handedAt: string;
}
