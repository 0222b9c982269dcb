import { CodedError } from '@writ/contracts';
import { assertMatchFits, suspenseStanding, type SuspenseMatch, type SuspenseReceipt } from './suspense.js';

const receipt = (id: string, amountFen: number): SuspenseReceipt => ({ id, amountFen });
const match = (amountFen: number, receiptId: string | null = null): SuspenseMatch => ({
  amountFen,
  receiptId,
});

const remaining = (receipts: SuspenseReceipt[], matches: SuspenseMatch[]) =>
  suspenseStanding(receipts, matches).map((s) => [s.id, s.remainingFen]);

describe('待认领款: what is left of each unmatched receipt', () => {
  it('counts a match naming its receipt against that receipt, whatever its age', () => {
    expect(remaining([receipt('a', 100), receipt('b', 300)], [match(120, 'b')])).toEqual([
      ['a', 100],
      ['b', 180],
    ]);
  });

  it('counts matches naming no receipt against the oldest receipts first', () => {
    const standing = suspenseStanding([receipt('a', 100), receipt('b', 300)], [match(150)]);
    expect(standing).toEqual([
      { id: 'a', amountFen: 100, namedFen: 0, assumedFen: 100, remainingFen: 0 },
      { id: 'b', amountFen: 300, namedFen: 0, assumedFen: 50, remainingFen: 250 },
    ]);
  });

  it('counts what a match takes beyond its receipt, or names a reversed receipt, like an unnamed match', () => {
    expect(
      remaining(
        [receipt('a', 100), receipt('b', 300), receipt('c', 50)],
        [match(130, 'b'), match(200, 'b'), match(20, 'reversed')],
      ),
    ).toEqual([
      ['a', 50],
      ['b', 0],
      ['c', 50],
    ]);
  });

  it('keeps the remainders adding up to the receipts less the matches', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const receipts = Array.from({ length: 1 + next(6) }, (_, i) => receipt(`r${i}`, 1 + next(10_000)));
      const total = receipts.reduce((sum, r) => sum + r.amountFen, 0);
      // matches never take more than suspense holds (the ledger's guard), named or not
      const matches: SuspenseMatch[] = [];
      let taken = 0;
      for (let i = next(8); i > 0 && taken < total; i--) {
        const amountFen = 1 + next(total - taken);
        const named = next(3) === 0 ? null : receipts[next(receipts.length)]!.id;
        matches.push(match(amountFen, named));
        taken += amountFen;
      }
      const standing = suspenseStanding(receipts, matches);
      expect(standing.reduce((sum, s) => sum + s.remainingFen, 0)).toBe(total - taken);
      for (const s of standing) {
        expect(s.remainingFen).toBeGreaterThanOrEqual(0);
        expect(s.namedFen + s.assumedFen + s.remainingFen).toBe(s.amountFen);
      }
    }
  });

  it('refuses a match taking more than its receipt has left after the matches naming it', () => {
    const [a] = suspenseStanding([receipt('a', 100)], [match(60, 'a')]);
    expect(() => assertMatchFits(a!, 40)).not.toThrow();
    let refused: unknown;
    try {
      assertMatchFits(a!, 41);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CodedError);
    expect((refused as CodedError).toWire()).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'SUSPENSE_RECEIPT_EXCEEDED',
      errors: [{ field: 'amountFen', rule: 'SUSPENSE_RECEIPT_EXCEEDED' }],
    });
  });

  it('does not hold an unnamed match, counted against a receipt, against a match naming it', () => {
    const [a] = suspenseStanding([receipt('a', 100), receipt('b', 100)], [match(100)]);
    expect(a!.remainingFen).toBe(0);
    expect(() => assertMatchFits(a!, 100)).not.toThrow();
  });
});
