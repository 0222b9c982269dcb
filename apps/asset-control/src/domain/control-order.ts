import { AgencyKind, CodedError, ControlKind, ControlStatus, ErrorCode, type Fen } from '@writ/contracts';

/** A control kind that puts a hold on property (a deduction works on a freeze instead). */
export type HoldKind = Exclude<ControlKind, ControlKind.Deduct>;

/**
 * Which hold each agency's records take (DOMAIN.md §4): deposits and financial assets are frozen (冻结),
 * real estate and registered property seized (查封), movables distrained (扣押). A vehicle is registered
 * property and a movable: it may be seized at the registry or distrained. Exit-entry and marriage
 * records are not property and take no control.
 */
const HOLDS_BY_AGENCY: Record<AgencyKind, readonly HoldKind[]> = {
  [AgencyKind.BankDeposit]: [ControlKind.Freeze],
  [AgencyKind.WealthProduct]: [ControlKind.Freeze],
  [AgencyKind.OnlinePayment]: [ControlKind.Freeze],
  [AgencyKind.Securities]: [ControlKind.Freeze],
  [AgencyKind.BusinessRegistration]: [ControlKind.Freeze],
  [AgencyKind.RealEstate]: [ControlKind.Seize],
  [AgencyKind.Vehicle]: [ControlKind.Seize, ControlKind.Distrain],
  [AgencyKind.ExitEntry]: [],
  [AgencyKind.Marriage]: [],
};

/** Money balances: frozen by the amount asked (partly, when the account holds less) and deductible (扣划). */
const MONEY_AGENCIES: readonly AgencyKind[] = [
  AgencyKind.BankDeposit,
  AgencyKind.WealthProduct,
  AgencyKind.OnlinePayment,
];

export function isMoney(agencyKind: AgencyKind): boolean {
  return MONEY_AGENCIES.includes(agencyKind);
}

/** Property that cannot be split to fit a claim (查封规定 Art 19's 不可分物): anything but money. */
export function isIndivisible(agencyKind: AgencyKind): boolean {
  return !isMoney(agencyKind);
}

/** Refuses a hold the agency's kind of record cannot take. */
export function assertHoldFits(kind: HoldKind, agencyKind: AgencyKind): void {
  const allowed = HOLDS_BY_AGENCY[agencyKind];
  if (!allowed.includes(kind)) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      allowed.length
        ? `a ${agencyKind} record takes ${allowed.join(' or ')}, not ${kind}`
        : `a ${agencyKind} record is not property and cannot be controlled`,
      {
        rule: 'CONTROL_KIND_FITS_ASSET',
        errors: [{ field: 'kind', rule: 'controlKindFitsAsset', message: `not allowed for ${agencyKind}` }],
      },
    );
  }
}

/**
 * What an order counts against the over-control limit: for money, the amount asked (the whole known
 * balance when none is given); for property, its estimated value, whatever amount was typed.
 */
export function orderedAmountOf(agencyKind: AgencyKind, askedFen: Fen | undefined, valueFen: Fen): Fen {
  return isMoney(agencyKind) ? (askedFen ?? valueFen) : valueFen;
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
  control: { kind: HoldKind; agencyKind: AgencyKind; status: ControlStatus; amountFen: Fen },
  amountFen: Fen,
): void {
  if (control.kind !== ControlKind.Freeze || !isMoney(control.agencyKind)) {
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
