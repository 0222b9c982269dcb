import {
  CodedError,
  ControlStatus,
  ErrorCode,
  Role,
  shanghaiDateOf,
  type Actor,
  type ControlView,
} from '@writ/contracts';
import { daysToExpiry } from '../domain/control-term.js';
import type { Control, ControlCase } from '../persistence/control.repository.js';

/** Who may order, renew, release and deduct: the judges and officers of the case's court, and the director. */
const ORDERING_ROLES: readonly Role[] = [Role.Judge, Role.Officer, Role.Director];

export function requireOrderingRole(actor: Actor): void {
  if (!actor.roles.some((role) => ORDERING_ROLES.includes(role))) {
    throw new CodedError(ErrorCode.Forbidden, 'control orders are made by judges, officers and the director');
  }
}

/** Another court's case reads exactly like one that does not exist. */
export function requireOwnCase(found: ControlCase | null, caseId: string, actor: Actor): ControlCase {
  if (!found || found.courtCode !== actor.courtCode) {
    throw new CodedError(ErrorCode.NotFound, `no case ${caseId} with controls at this court`);
  }
  return found;
}

export function requireOwnControl(found: Control | null, controlId: string, actor: Actor): Control {
  if (!found || found.courtCode !== actor.courtCode) {
    throw new CodedError(ErrorCode.NotFound, `no control ${controlId} at this court`);
  }
  return found;
}

export function todayOf(now: Date): string {
  return shanghaiDateOf(now);
}

export function viewOf(c: Control, today: string): ControlView {
  return {
    id: c.id,
    caseId: c.caseId,
    kind: c.kind,
    status: c.status,
    agencyKind: c.agencyKind,
    ...(c.assetId ? { assetId: c.assetId } : {}),
    respondentIdNumber: c.respondentIdNumber,
    holder: c.holder,
    identifier: c.identifier,
    description: c.description,
    requestedFen: c.requestedFen,
    amountFen: c.amountFen,
    deductedFen: c.deductedFen,
    ...(c.effectiveOn ? { termMonths: c.termMonths, effectiveOn: c.effectiveOn } : {}),
    ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
    ...(c.expiresOn && c.status === ControlStatus.Effective
      ? { daysToExpiry: daysToExpiry(today, c.expiresOn) }
      : {}),
    renewals: c.renewals,
    ...(c.queuedBehind ? { queuedBehind: c.queuedBehind } : {}),
    orderedAt: c.orderedAt.toISOString(),
    ...(c.endedOn ? { endedOn: c.endedOn } : {}),
    ...(c.endReason ? { endReason: c.endReason } : {}),
    ...(c.agencyNote ? { agencyNote: c.agencyNote } : {}),
    ...(c.carriedFromCaseId ? { carriedFromCaseId: c.carriedFromCaseId } : {}),
  };
}

/** The audit entry's picture of a control. */
export function auditOf(c: Control): Record<string, unknown> {
  return {
    kind: c.kind,
    status: c.status,
    agencyKind: c.agencyKind,
    identifier: c.identifier,
    amountFen: c.amountFen,
    deductedFen: c.deductedFen,
    effectiveOn: c.effectiveOn,
    expiresOn: c.expiresOn,
    renewals: c.renewals,
    queuedBehind: c.queuedBehind,
  };
}
