import { CodedError } from './coded-error.js';
import { COURT_STAFF_ROLES } from './enums.js';
import type { Actor } from './envelope.js';
import { ErrorCode } from './errors.js';

/**
 * Refuses anyone not on the court's staff: a party follows their own case through the views made for
 * them, not through the court's working lists. Every service asks it the same way.
 */
export function requireCourtStaff(actor: Actor, what: string): void {
  if (!actor.roles.some((role) => COURT_STAFF_ROLES.includes(role))) {
    throw new CodedError(ErrorCode.Forbidden, `${what} are for the court’s staff`, {
      rule: 'COURT_STAFF_ONLY',
    });
  }
}
