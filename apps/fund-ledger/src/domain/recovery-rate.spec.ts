import { courtRecovery, recoveryPermille } from './recovery-rate.js';

describe('执行标的到位率 (DOMAIN.md §12)', () => {
  it('is received over claim, in permille, floored', () => {
    expect(recoveryPermille(677, 1_000)).toBe(677);
    expect(recoveryPermille(1, 3)).toBe(333);
    expect(recoveryPermille(5, 0)).toBeNull();
  });

  it("sums a court's cases, caps each at its claim, and gives the closed-case figure apart", () => {
    const court = courtRecovery([
      { claimFen: 1_000, receivedFen: 1_500, closed: true },
      { claimFen: 1_000, receivedFen: 0, closed: true },
      { claimFen: 2_000, receivedFen: 500, closed: false },
    ]);
    expect(court).toEqual({
      cases: 3,
      claimFen: 4_000,
      receivedFen: 1_500,
      ratePermille: 375,
      closedCases: 2,
      closedClaimFen: 2_000,
      closedReceivedFen: 1_000,
      closedRatePermille: 500,
    });
  });
});
