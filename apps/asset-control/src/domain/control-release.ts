import { CodedError, ControlKind, ControlStatus, ErrorCode, type Fen } from '@writ/contracts';
import type { HoldKind } from './control-order.js';

/** A control as a release weighs it; `money` is control-order.ts `isMoney` of its record's class. */
export interface ReleasedControl {
  kind: HoldKind;
  money: boolean;
  status: ControlStatus;
  amountFen: Fen;
}

/**
 * What a release (解除) frees: the whole control, or — for money frozen in an account only — a part of
 * it (部分解除), the freeze keeping the rest. Money is divisible, so the excess over the limit can be
 * let go to the fen (查封规定 Art 19); a house or a car is released whole or not at all.
 */
export function releaseOf(
  control: ReleasedControl,
  askedFen: Fen | undefined,
): { releaseFen: Fen; partial: boolean } {
  if (askedFen === undefined || askedFen === control.amountFen) {
    return { releaseFen: control.amountFen, partial: false };
  }
  if (askedFen > control.amountFen) {
    throw new CodedError(
      ErrorCode.RuleViolated,
      `cannot release ${askedFen} fen: only ${control.amountFen} fen is controlled`,
      {
        rule: 'RELEASE_EXCEEDS_CONTROLLED',
        errors: [
          { field: 'amountFen', rule: 'releaseExceedsControlled', message: `at most ${control.amountFen}` },
        ],
      },
    );
  }
  if (control.kind !== ControlKind.Freeze || !control.money) {
    throw new CodedError(ErrorCode.RuleViolated, 'only money frozen in an account can be released in part', {
      rule: 'PARTIAL_RELEASE_OF_MONEY',
      errors: [{ field: 'amountFen', rule: 'partialReleaseOfMoney', message: 'release the whole control' }],
    });
  }
  if (control.status !== ControlStatus.Effective) {
    throw new CodedError(ErrorCode.InvalidState, `a ${control.status} freeze cannot be released in part`, {
      rule: 'PARTIAL_RELEASE_OF_MONEY',
    });
  }
  return { releaseFen: askedFen, partial: true };
}

/** The part of a money freeze the officer may let go as excess: what the case holds over the limit. */
export function releasableExcessFen(control: ReleasedControl, excessFen: Fen): Fen {
  if (control.kind !== ControlKind.Freeze || !control.money) return 0;
  if (control.status !== ControlStatus.Effective) return 0;
  return Math.min(excessFen, control.amountFen);
}
