import {
  AssetClass,
  AssetValueKind,
  CaseInquiryStatus,
  InquiryStatus,
  type AssetInquiryCompletedV1,
  type Fen,
} from '@writ/contracts';

/**
 * A case's inquiry is complete when every agency has answered or finally failed for every respondent:
 * a failed agency does not hold the case back, it is reported so the officer can search by hand.
 */
export function batchIsComplete(statuses: readonly InquiryStatus[]): boolean {
  return statuses.every((s) => s === InquiryStatus.Answered || s === InquiryStatus.Failed);
}

export function caseInquiryStatus(batch: { completedAt: Date | null } | null): CaseInquiryStatus {
  if (!batch) return CaseInquiryStatus.NotStarted;
  return batch.completedAt ? CaseInquiryStatus.Completed : CaseInquiryStatus.InProgress;
}

/** The figures of a completed inquiry, as `asset.inquiry.completed` reports them. */
export function completionSummary(
  batch: { caseId: string; caseNumber: string },
  statuses: readonly InquiryStatus[],
  assets: readonly { assetClass: AssetClass; valueKind: AssetValueKind; amountFen: Fen }[],
): AssetInquiryCompletedV1 {
  return {
    caseId: batch.caseId,
    caseNumber: batch.caseNumber,
    answered: statuses.filter((s) => s === InquiryStatus.Answered).length,
    failed: statuses.filter((s) => s === InquiryStatus.Failed).length,
    assetsFound: assets.length,
    // records with no value (出入境, 婚姻) count as found but add nothing
    totalValueFen: assets.reduce(
      (sum, a) => (a.valueKind === AssetValueKind.None ? sum : sum + a.amountFen),
      0,
    ),
    // deposit balances alone: case-intake's triage asks whether they cover the claim
    depositsFoundFen: assets.reduce(
      (sum, a) =>
        a.assetClass === AssetClass.Deposit && a.valueKind === AssetValueKind.Balance
          ? sum + a.amountFen
          : sum,
      0,
    ),
  };
}
