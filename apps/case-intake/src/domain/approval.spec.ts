import { ApprovalStatus, CodedError, ErrorCode, Role } from '@writ/contracts';
import {
  decideApproval,
  mayDecide,
  openApprovalRequest,
  withdrawApproval,
  type ApprovalRequest,
  type Approver,
} from './approval.js';

const REQUESTED_AT = new Date('2026-11-28T02:00:00Z');
const DECIDED_AT = new Date('2026-11-28T06:30:00Z');

const officer: Approver = { id: 'user-officer-1', roles: [Role.Officer] };
const director: Approver = { id: 'user-director-1', roles: [Role.Director] };
const president: Approver = { id: 'user-leader-1', roles: [Role.Leader] };

function fineRequest(overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return {
    ...openApprovalRequest({
      id: 'a-1',
      courtCode: '辽1104',
      caseId: 'case-1',
      subjectType: 'MEASURE',
      subjectId: 'm-1',
      summary: '罚款 ¥50,000.00 — 王五',
      requiredRole: Role.Leader,
      requestedBy: officer.id,
      requestedAt: REQUESTED_AT,
    }),
    ...overrides,
  };
}

function refusalOf(act: () => unknown): CodedError {
  try {
    act();
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('审批 (approval of a measure)', () => {
  it('opens pending, with who asked and when', () => {
    const request = fineRequest();
    expect(request.status).toBe(ApprovalStatus.Pending);
    expect(request.requestedBy).toBe(officer.id);
    expect(request.decidedBy).toBeUndefined();
  });

  it('lets the president approve a fine, keeping who, when and the comment', () => {
    const decided = decideApproval(fineRequest(), {
      approve: true,
      comment: '  同意  ',
      by: president,
      at: DECIDED_AT,
    });
    expect(decided).toMatchObject({
      status: ApprovalStatus.Approved,
      decidedBy: president.id,
      decidedAt: DECIDED_AT,
      comment: '同意',
    });
  });

  it('refuses the director deciding what needs the president (民诉法 2023 Art 119)', () => {
    const refused = refusalOf(() =>
      decideApproval(fineRequest(), { approve: true, by: director, at: DECIDED_AT }),
    );
    expect(refused.code).toBe(ErrorCode.Forbidden);
    expect(refused.details.rule).toBe('APPROVAL_ROLE_REQUIRED');
    expect(mayDecide(fineRequest(), director)).toBe(false);
    expect(mayDecide(fineRequest(), president)).toBe(true);
  });

  it('never lets the requester decide their own request, whatever their role', () => {
    const own = fineRequest({ requestedBy: president.id });
    const refused = refusalOf(() => decideApproval(own, { approve: true, by: president, at: DECIDED_AT }));
    expect(refused.details.rule).toBe('APPROVAL_NOT_BY_REQUESTER');
  });

  it('is decided only once', () => {
    const approved = decideApproval(fineRequest(), { approve: true, by: president, at: DECIDED_AT });
    const again = refusalOf(() =>
      decideApproval(approved, { approve: false, comment: '改变主意', by: president, at: DECIDED_AT }),
    );
    expect(again.code).toBe(ErrorCode.InvalidState);
    expect(again.details.rule).toBe('APPROVAL_DECIDED_ONCE');
  });

  it('wants a reason for a rejection', () => {
    const refused = refusalOf(() =>
      decideApproval(fineRequest(), { approve: false, comment: '   ', by: president, at: DECIDED_AT }),
    );
    expect(refused.code).toBe(ErrorCode.RuleViolated);
    expect(refused.details.rule).toBe('REJECTION_GIVES_REASON');
    const rejected = decideApproval(fineRequest(), {
      approve: false,
      comment: '罚款金额过高',
      by: president,
      at: DECIDED_AT,
    });
    expect(rejected.status).toBe(ApprovalStatus.Rejected);
  });

  it('is withdrawn as rejected, with who closed it and why, when its subject goes away', () => {
    const withdrawn = withdrawApproval(fineRequest(), { by: officer.id, at: DECIDED_AT, reason: '执行完毕' });
    expect(withdrawn).toMatchObject({
      status: ApprovalStatus.Rejected,
      decidedBy: officer.id,
      comment: '执行完毕',
    });
    expect(
      refusalOf(() => withdrawApproval(withdrawn, { by: officer.id, at: DECIDED_AT, reason: 'x' })).code,
    ).toBe(ErrorCode.InvalidState);
  });
});
