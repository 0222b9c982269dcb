import type { Fen } from './money.js';

/**
 * The execution fee (申请执行费) the respondent bears, from the claim (诉讼费用交纳办法 Art 14(1)):
 * ¥50 up to ¥10,000; above that 1.5% to ¥500,000, 1% to ¥5m, 0.5% to ¥10m, 0.1% beyond — each rate on
 * the part in its band, rounded to the fen. One copy for every stage: asset-control measures its
 * over-control limit with it, fund-ledger settles it out of the case's money before any payout.
 */
const FEE_BANDS: readonly { upToFen: Fen; permyriad: number }[] = [
  { upToFen: 50_000_000, permyriad: 150 },
  { upToFen: 500_000_000, permyriad: 100 },
  { upToFen: 1_000_000_000, permyriad: 50 },
  { upToFen: Number.MAX_SAFE_INTEGER, permyriad: 10 },
];
const FEE_FLOOR_FEN = 5_000;
const FEE_FLOOR_UP_TO_FEN = 1_000_000;

export function executionFeeFen(claimFen: Fen): Fen {
  if (claimFen <= 0) return 0;
  let fee = BigInt(FEE_FLOOR_FEN) * 10_000n;
  let lower = FEE_FLOOR_UP_TO_FEN;
  for (const band of FEE_BANDS) {
    if (claimFen <= lower) break;
    const part = Math.min(claimFen, band.upToFen) - lower;
    fee += BigInt(part) * BigInt(band.permyriad);
    lower = band.upToFen;
  }
  return Number((fee + 5_000n) / 10_000n);
}
