import { CodedError, ControlKind, ControlStatus } from '@writ/contracts';
import { releasableExcessFen, releaseOf, type ReleasedControl } from './control-release.js';

const freeze: ReleasedControl = {
  kind: ControlKind.Freeze,
  money: true,
  status: ControlStatus.Effective,
  amountFen: 100_000,
};
const house: ReleasedControl = {
  kind: ControlKind.Seize,
  money: false,
  status: ControlStatus.Effective,
  amountFen: 80_000_000,
};

const ruleOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    return error instanceof CodedError ? error.details.rule : 'not coded';
  }
  return undefined;
};

describe('部分解除: releasing part of a money freeze', () => {
  it('releases the whole control without an amount, or with the whole amount', () => {
    expect(releaseOf(freeze, undefined)).toEqual({ releaseFen: 100_000, partial: false });
    expect(releaseOf(freeze, 100_000)).toEqual({ releaseFen: 100_000, partial: false });
    expect(releaseOf(house, undefined)).toEqual({ releaseFen: 80_000_000, partial: false });
  });

  it('unfreezes part of money frozen in an account, the freeze keeping the rest', () => {
    expect(releaseOf(freeze, 1)).toEqual({ releaseFen: 1, partial: true });
    expect(releaseOf(freeze, 99_999)).toEqual({ releaseFen: 99_999, partial: true });
  });

  it('refuses more than is controlled, part of a house, and part of a freeze not in force', () => {
    expect(ruleOf(() => releaseOf(freeze, 100_001))).toBe('RELEASE_EXCEEDS_CONTROLLED');
    expect(ruleOf(() => releaseOf(house, 1_000_000))).toBe('PARTIAL_RELEASE_OF_MONEY');
    expect(ruleOf(() => releaseOf({ ...freeze, money: false }, 50_000))).toBe('PARTIAL_RELEASE_OF_MONEY');
    expect(ruleOf(() => releaseOf({ ...freeze, status: ControlStatus.Queued }, 50_000))).toBe(
      'PARTIAL_RELEASE_OF_MONEY',
    );
  });

  it('offers as excess what the case holds over its limit, up to what the freeze holds', () => {
    expect(releasableExcessFen(freeze, 30_000)).toBe(30_000);
    expect(releasableExcessFen(freeze, 250_000)).toBe(100_000);
    expect(releasableExcessFen(freeze, 0)).toBe(0);
    expect(releasableExcessFen(house, 30_000)).toBe(0);
    expect(releasableExcessFen({ ...freeze, status: ControlStatus.Released }, 30_000)).toBe(0);
  });
});
