import { AssetClass, CodedError, ControlKind, ControlStatus } from '@writ/contracts';
import {
  assertDeductible,
  assertHoldFits,
  controlsAllowed,
  assertReleasable,
  isIndivisible,
  orderedAmountOf,
} from './control-order.js';

const ruleOf = (work: () => void): string | undefined => {
  try {
    work();
  } catch (error) {
    return error instanceof CodedError ? error.details.rule : 'not coded';
  }
  return undefined;
};

describe('control orders (DOMAIN.md §4)', () => {
  it('freezes deposits and financial assets, seizes real estate, seizes or distrains movables', () => {
    expect(ruleOf(() => assertHoldFits(ControlKind.Freeze, AssetClass.Deposit))).toBeUndefined();
    expect(ruleOf(() => assertHoldFits(ControlKind.Freeze, AssetClass.FinancialRight))).toBeUndefined();
    expect(ruleOf(() => assertHoldFits(ControlKind.Seize, AssetClass.RealEstate))).toBeUndefined();
    expect(ruleOf(() => assertHoldFits(ControlKind.Seize, AssetClass.Movable))).toBeUndefined();
    expect(ruleOf(() => assertHoldFits(ControlKind.Distrain, AssetClass.Movable))).toBeUndefined();
  });

  it('lets only money be deducted, and nothing control an information record', () => {
    expect(controlsAllowed(AssetClass.Deposit)).toEqual([ControlKind.Freeze, ControlKind.Deduct]);
    expect(controlsAllowed(AssetClass.FinancialRight)).toEqual([ControlKind.Freeze]);
    expect(controlsAllowed(AssetClass.Information)).toEqual([]);
  });

  it('refuses a hold the record cannot take, and any control of records that are not property', () => {
    expect(ruleOf(() => assertHoldFits(ControlKind.Freeze, AssetClass.RealEstate))).toBe(
      'CONTROL_KIND_FITS_ASSET',
    );
    expect(ruleOf(() => assertHoldFits(ControlKind.Seize, AssetClass.Deposit))).toBe(
      'CONTROL_KIND_FITS_ASSET',
    );
    expect(ruleOf(() => assertHoldFits(ControlKind.Freeze, AssetClass.Information))).toBe(
      'CONTROL_KIND_FITS_ASSET',
    );
  });

  it('counts money by the amount asked (or the whole balance) and property by its value', () => {
    expect(orderedAmountOf(AssetClass.Deposit, 500, 9_000)).toBe(500);
    expect(orderedAmountOf(AssetClass.Deposit, undefined, 9_000)).toBe(9_000);
    expect(orderedAmountOf(AssetClass.RealEstate, 500, 9_000)).toBe(9_000);
    expect(isIndivisible(AssetClass.RealEstate)).toBe(true);
    expect(isIndivisible(AssetClass.Deposit)).toBe(false);
  });

  it('releases only what the agency holds or has in line', () => {
    expect(ruleOf(() => assertReleasable(ControlStatus.Effective))).toBeUndefined();
    expect(ruleOf(() => assertReleasable(ControlStatus.Queued))).toBeUndefined();
    expect(ruleOf(() => assertReleasable(ControlStatus.Lapsed))).toBe('CONTROL_RELEASABLE');
    expect(ruleOf(() => assertReleasable(ControlStatus.Pending))).toBe('CONTROL_RELEASABLE');
  });

  describe('扣划', () => {
    const freeze = {
      kind: ControlKind.Freeze as const,
      assetClass: AssetClass.Deposit,
      status: ControlStatus.Effective,
      amountFen: 1_000,
    };
    it('deducts frozen money up to what is frozen', () => {
      expect(ruleOf(() => assertDeductible(freeze, 1_000))).toBeUndefined();
      expect(ruleOf(() => assertDeductible(freeze, 1_001))).toBe('DEDUCT_EXCEEDS_FROZEN');
    });
    it('refuses to deduct from property, or from a freeze no longer in force', () => {
      expect(ruleOf(() => assertDeductible({ ...freeze, assetClass: AssetClass.FinancialRight }, 1))).toBe(
        'DEDUCT_FROM_FROZEN_MONEY',
      );
      expect(ruleOf(() => assertDeductible({ ...freeze, status: ControlStatus.Released }, 1))).toBe(
        'DEDUCT_FROM_FROZEN_MONEY',
      );
    });
  });
});
