import { executionFeeFen } from './execution-fee.js';

describe('the execution fee (诉讼费用交纳办法 Art 14)', () => {
  it('is ¥50 up to ¥10,000 and then by bands', () => {
    expect(executionFeeFen(0)).toBe(0);
    expect(executionFeeFen(500_000)).toBe(5_000);
    expect(executionFeeFen(1_000_000)).toBe(5_000);
    // ¥123,456: 50 + 1.5% × 113,456 = ¥1,751.84
    expect(executionFeeFen(12_345_600)).toBe(175_184);
    // ¥1,000,000: 50 + 7,350 + 1% × 500,000 = ¥12,400
    expect(executionFeeFen(100_000_000)).toBe(1_240_000);
    // ¥20,000,000: 50 + 7,350 + 45,000 + 25,000 + 0.1% × 10,000,000 = ¥87,400
    expect(executionFeeFen(2_000_000_000)).toBe(8_740_000);
  });
});
