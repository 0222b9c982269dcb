import { AssetClass, AssetValueKind, CaseInquiryStatus, InquiryStatus } from '@writ/contracts';
import { batchIsComplete, caseInquiryStatus, completionSummary } from './inquiry-batch.js';

const { Pending, Answered, Failed } = InquiryStatus;

describe('when a case’s inquiry is complete', () => {
  it('is complete only when every inquiry is answered or failed', () => {
    expect(batchIsComplete([Answered, Answered, Failed])).toBe(true);
    expect(batchIsComplete([Failed, Failed])).toBe(true);
    expect(batchIsComplete([Answered, Pending, Failed])).toBe(false);
    expect(batchIsComplete([Pending])).toBe(false);
  });

  it('is complete at once when there was nothing to ask', () => {
    expect(batchIsComplete([])).toBe(true);
  });

  it('holds for every mix of outcomes: complete exactly when none is pending', () => {
    const statuses = [Pending, Answered, Failed];
    for (let n = 0; n < 3 ** 5; n++) {
      const mix = Array.from({ length: 5 }, (_, i) => statuses[Math.floor(n / 3 ** i) % 3]!);
      expect(batchIsComplete(mix)).toBe(!mix.includes(Pending));
    }
  });

  it('reads NOT_STARTED, IN_PROGRESS and COMPLETED from the batch', () => {
    expect(caseInquiryStatus(null)).toBe(CaseInquiryStatus.NotStarted);
    expect(caseInquiryStatus({ completedAt: null })).toBe(CaseInquiryStatus.InProgress);
    expect(caseInquiryStatus({ completedAt: new Date() })).toBe(CaseInquiryStatus.Completed);
  });

  it('sums balances and estimates in fen, counting valueless records as found', () => {
    const summary = completionSummary(
      { caseId: 'c-1', caseNumber: '（2026）辽1104执1号' },
      [Answered, Answered, Failed],
      [
        { assetClass: AssetClass.Deposit, valueKind: AssetValueKind.Balance, amountFen: 12_345 },
        { assetClass: AssetClass.RealEstate, valueKind: AssetValueKind.Estimate, amountFen: 50_000_000 },
        { assetClass: AssetClass.Information, valueKind: AssetValueKind.None, amountFen: 0 },
      ],
    );
    expect(summary).toEqual({
      caseId: 'c-1',
      caseNumber: '（2026）辽1104执1号',
      answered: 2,
      failed: 1,
      assetsFound: 3,
      totalValueFen: 50_012_345,
      depositsFoundFen: 12_345,
    });
  });
});
