import { CodedError, ControlKind, ControlStatus, ErrorCode, SuspensionReason } from '@writ/contracts';
import { assertHandOverAllowed } from './auction-handover.js';
import type { HoldKind } from './control-order.js';

const seized = { kind: ControlKind.Seize as HoldKind, money: false, status: ControlStatus.Effective };
const open = { closedOn: null, suspensionReason: null };

const refusalOf = (work: () => void): { code: string; rule?: string } | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof CodedError) return { code: error.code, rule: error.details.rule };
    throw error;
  }
  return undefined;
};

describe('移交拍卖: handing seized property to the auction stage', () => {
  it('hands over a seizure or distraint in force of an open case', () => {
    expect(refusalOf(() => assertHandOverAllowed(seized, open))).toBeUndefined();
    const car = { kind: ControlKind.Distrain as HoldKind, money: false, status: ControlStatus.Effective };
    expect(refusalOf(() => assertHandOverAllowed(car, open))).toBeUndefined();
    const equity = { kind: ControlKind.Freeze as HoldKind, money: false, status: ControlStatus.Effective };
    expect(refusalOf(() => assertHandOverAllowed(equity, open))).toBeUndefined();
  });

  it('refuses with 422 naming the rule for a closed case and a suspended one', () => {
    expect(refusalOf(() => assertHandOverAllowed(seized, { ...open, closedOn: '2026-03-02' }))).toEqual({
      code: ErrorCode.RuleViolated,
      rule: 'HAND_OVER_CASE_OPEN',
    });
    for (const reason of [
      SuspensionReason.Suspension,
      SuspensionReason.Bankruptcy,
      SuspensionReason.Settlement,
    ]) {
      expect(refusalOf(() => assertHandOverAllowed(seized, { ...open, suspensionReason: reason }))).toEqual({
        code: ErrorCode.RuleViolated,
        rule: 'HAND_OVER_CASE_NOT_SUSPENDED',
      });
    }
  });

  it('does not count an appraisal or auction period as a stop: they are disposal itself', () => {
    for (const reason of [SuspensionReason.Appraisal, SuspensionReason.Auction]) {
      expect(
        refusalOf(() => assertHandOverAllowed(seized, { ...open, suspensionReason: reason })),
      ).toBeUndefined();
    }
  });

  it('refuses money, and a control not in force', () => {
    const deposit = { kind: ControlKind.Freeze as HoldKind, money: true, status: ControlStatus.Effective };
    expect(refusalOf(() => assertHandOverAllowed(deposit, open))?.rule).toBe('HAND_OVER_PROPERTY_ONLY');
    for (const status of [
      ControlStatus.Queued,
      ControlStatus.Pending,
      ControlStatus.Released,
      ControlStatus.Lapsed,
    ]) {
      expect(refusalOf(() => assertHandOverAllowed({ ...seized, status }, open))).toEqual({
        code: ErrorCode.RuleViolated,
        rule: 'HAND_OVER_CONTROL_IN_FORCE',
      });
    }
  });
});
