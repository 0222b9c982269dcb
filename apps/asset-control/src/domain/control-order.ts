import { AssetClass, CodedError, ControlKind, ControlStatus, ErrorCode, type Fen } from '@writ/contracts';

/** A control kind that puts a hold on property (a deduction works on a freeze instead). */
export type HoldKind = Exclude<ControlKind, ControlKind.Deduct>;

/**
 * Which controls each class of record takes (DOMAIN.md §4): money in accounts is frozen (冻结) and
 * deducted (扣划); other property rights are frozen; real estate is seized (查封); a movable (vehicle,
 * vessel) is registered property and a movable: seized at the registry or distrained (扣押).
 * Information records (exit-entry, marriage, tax, social insurance) are not property and take none.
 */
const CONTROLS_BY_CLASS: Record<AssetClass, readonly ControlKind[]> = {
  [AssetClass.Deposit]: [ControlKind.Freeze, ControlKind.Deduct],
  [AssetClass.FinancialRight]: [ControlKind.Freeze],
  [AssetClass.RealEstate]: [ControlKind.Seize],
  [AssetClass.Movable]: [ControlKind.Seize, ControlKind.Distrain],
  [AssetClass.Information]: [],
};

export function controlsAllowed(assetClass: AssetClass): readonly ControlKind[] {
  return CONTROLS_BY_CLASS[assetClass];
}

/** Money balances: frozen by the amount asked (partly, when the account holds less) and deductible (扣划). */
export function isMoney(assetClass: AssetClass): boolean {
  return assetClass === AssetClass.Deposit;
}

/** Property that cannot be split to fit a claim (查封规定 Art 19's 不可分物): anything but money. */
export function isIndivisible(assetClass: AssetClass): boolean {
  return !isMoney(assetClass);
}

/** Refuses a hold the class of record cannot take. */
export function assertHoldFits(kind: HoldKind, assetClass: AssetClass): void {
  const allowed = controlsAllowed(assetClass).filter((k) => k !== ControlKind.Deduct);
  if (!allowed.includes(kind)) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      allowed.length
        ? `a ${assetClass} record takes ${allowed.join(' or ')}, not ${kind}`
        : `a ${assetClass} record is not property and cannot be controlled`,
      {
        rule: 'CONTROL_KIND_FITS_ASSET',
        errors: [{ field: 'kind', rule: 'controlKindFitsAsset', message: `not allowed for ${assetClass}` }],
      },
    );
  }
}

/**
 * What an order counts against the over-control limit: for money, the amount asked (the whole known
 * balance when none is given); for property, its estimated value, whatever amount was typed.
 */
export function orderedAmountOf(assetClass: AssetClass, askedFen: Fen | undefined, valueFen: Fen): Fen {
  return isMoney(assetClass) ? (askedFen ?? valueFen) : valueFen;
}

/** Statuses that hold (or are about to hold) the property, and count against the limit. */
export const LIVE_STATUSES: readonly ControlStatus[] = [
  ControlStatus.Pending,
  ControlStatus.Queued,
  ControlStatus.Effective,
];

/** 解除 applies to a control the agency holds: in force, or waiting in line. */
export function assertReleasable(status: ControlStatus): void {
  if (status !== ControlStatus.Effective && status !== ControlStatus.Queued) {
    throw new CodedError(ErrorCode.InvalidState, `a ${status} control cannot be released`, {
      rule: 'CONTROL_RELEASABLE',
    });
  }
}

/** 扣划 takes frozen money only, and no more than is frozen. */
export function assertDeductible(
  control: { kind: HoldKind; assetClass: AssetClass; status: ControlStatus; amountFen: Fen },
  amountFen: Fen,
): void {
  if (
    control.kind !== ControlKind.Freeze ||
    !controlsAllowed(control.assetClass).includes(ControlKind.Deduct)
  ) {
    throw new CodedError(ErrorCode.RuleViolated, 'only frozen money can be deducted (扣划)', {
      rule: 'DEDUCT_FROM_FROZEN_MONEY',
    });
  }
  if (control.status !== ControlStatus.Effective) {
    throw new CodedError(ErrorCode.InvalidState, `a ${control.status} freeze cannot be deducted from`, {
      rule: 'DEDUCT_FROM_FROZEN_MONEY',
    });
  }
  if (amountFen > control.amountFen) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `cannot deduct ${amountFen} fen: only ${control.amountFen} fen is frozen`,
      {
        rule: 'DEDUCT_EXCEEDS_FROZEN',
        errors: [
          { field: 'amountFen', rule: 'deductExceedsFrozen', message: `at most ${control.amountFen}` },
        ],
      },
    );
  }
}
