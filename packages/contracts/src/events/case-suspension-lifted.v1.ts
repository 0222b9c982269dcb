/**
 * `case.suspension-lifted` v1 — case-intake lifts a suspension (恢复进行): execution goes on. asset-control
 * listens, so a disposal step (移交拍卖) refused while the case stood still is allowed again.
 */
export interface CaseSuspensionLiftedV1 {
  caseId: string;
  caseNumber: string;
  /** the Asia/Shanghai date the case goes on */
  liftedOn: string;
}
