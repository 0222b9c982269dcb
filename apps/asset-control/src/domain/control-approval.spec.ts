import { ApprovalStatus, CodedError, ErrorCode, Role } from '@writ/contracts';
import {
  approvalRuleFor,
  controlDecisionRefusal,
  decideControlApproval,
  type ApprovalQuestion,
  type ControlApproval,
} from './control-approval.js';

const question = (over: Partial<ApprovalQuestion>): ApprovalQuestion => ({
  action: 'RELEASE',
  amountFen: 100_000,
  caseOpen: true,
  owedFen: 1_000_000,
  excessFen: 0,
  deductThresholdFen: 50_000_000,
  ...over,
});

const pending: ControlApproval = {
  id: 'a1',
  status: ApprovalStatus.Pending,
  requestedBy: 'officer-1',
  decidedBy: null,
};
const director = { id: 'director-1', roles: [Role.Director] };

const refusalOf = (work: () => unknown): { code: string; rule?: string } | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof CodedError) return { code: error.code, rule: error.details.rule };
    throw error;
  }
  return undefined;
};

describe('审批 of control orders: which wait for the director', () => {
  it('sends a deduction below the threshold at once, and holds one at or above it', () => {
    expect(approvalRuleFor(question({ action: 'DEDUCT', amountFen: 49_999_999 }))).toBeNull();
    expect(approvalRuleFor(question({ action: 'DEDUCT', amountFen: 50_000_000 }))).toBe(
      'DEDUCT_OVER_THRESHOLD',
    );
    // the threshold is the court's: a court may set it to zero and sign every deduction
    expect(approvalRuleFor(question({ action: 'DEDUCT', amountFen: 1, deductThresholdFen: 0 }))).toBe(
      'DEDUCT_OVER_THRESHOLD',
    );
  });

  it('holds a release while the case is open and the claim unpaid', () => {
    expect(approvalRuleFor(question({}))).toBe('RELEASE_BEFORE_PAID');
  });

  it('lets a release go at once once nothing is owed or the case is closed', () => {
    expect(approvalRuleFor(question({ owedFen: 0 }))).toBeNull();
    expect(approvalRuleFor(question({ caseOpen: false }))).toBeNull();
  });

  it('lets a release of no more than the excess over the limit go at once (查封规定 Art 19)', () => {
    expect(approvalRuleFor(question({ amountFen: 30_000, excessFen: 30_000 }))).toBeNull();
    expect(approvalRuleFor(question({ amountFen: 30_001, excessFen: 30_000 }))).toBe('RELEASE_BEFORE_PAID');
  });

  it('never holds a renewal: it keeps the security', () => {
    expect(approvalRuleFor(question({ action: 'RENEW', amountFen: 0 }))).toBeNull();
  });
});

describe('审批 of control orders: who decides', () => {
  it('is decided by a director other than the requester, once', () => {
    expect(controlDecisionRefusal(pending, director)).toBeNull();
    expect(decideControlApproval(pending, { approve: true, by: director })).toEqual({
      status: ApprovalStatus.Approved,
      comment: null,
    });
    const decided = { ...pending, status: ApprovalStatus.Approved, decidedBy: 'director-1' };
    expect(refusalOf(() => decideControlApproval(decided, { approve: true, by: director }))).toEqual({
      code: ErrorCode.InvalidState,
      rule: 'APPROVAL_DECIDED_ONCE',
    });
  });

  it('refuses another role with 403 naming the rule, and the director who asked', () => {
    const leader = { id: 'leader-1', roles: [Role.Leader, Role.Judge] };
    expect(refusalOf(() => decideControlApproval(pending, { approve: true, by: leader }))).toEqual({
      code: ErrorCode.Forbidden,
      rule: 'APPROVAL_ROLE_REQUIRED',
    });
    const asker = { id: 'officer-1', roles: [Role.Director] };
    expect(refusalOf(() => decideControlApproval(pending, { approve: true, by: asker }))).toEqual({
      code: ErrorCode.Forbidden,
      rule: 'APPROVAL_NOT_BY_REQUESTER',
    });
  });

  it('rejects only with a reason', () => {
    expect(
      refusalOf(() => decideControlApproval(pending, { approve: false, comment: ' ', by: director })),
    ).toEqual({ code: ErrorCode.RuleViolated, rule: 'REJECTION_GIVES_REASON' });
    expect(decideControlApproval(pending, { approve: false, comment: ' 担保不足 ', by: director })).toEqual({
      status: ApprovalStatus.Rejected,
      comment: '担保不足',
    });
  });
});
