import { ErrorCode } from '@writ/contracts';

/** What to do after an inquiry attempt failed. */
export type RetryDecision =
  { giveUp: false; delayMs: number } | { giveUp: true; reason: 'MAX_ATTEMPTS' | 'PERMANENT' };

/**
 * Errors that asking again cannot cure: the agency refused the request itself, so retrying would only
 * fail the same way.
 */
const PERMANENT_ERRORS: ReadonlySet<string> = new Set([ErrorCode.ValidationFailed]);

/**
 * When to ask an agency again after a failed attempt: exponential back-off from a base delay, capped,
 * and given up after a maximum number of attempts, so a dead agency cannot keep a case's inquiry open
 * for ever.
 */
export class RetryPolicy {
  constructor(
    readonly maxAttempts: number,
    readonly baseDelayMs: number,
    readonly maxDelayMs: number,
  ) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new RangeError('maxAttempts must be a whole number ≥ 1');
    if (!(baseDelayMs > 0) || !(maxDelayMs >= baseDelayMs)) {
      throw new RangeError('the delays must be positive, with the cap no smaller than the base delay');
    }
  }

  /** The wait after the `attempts`-th failed attempt: base, 2×base, 4×base, … up to the cap. */
  delayAfter(attempts: number): number {
    // the exponent is bounded so 2 ** n never overflows to Infinity
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  }

  /** `attempts` counts every attempt made so far, the failed one included. */
  afterFailure(attempts: number, errorCode: string): RetryDecision {
    if (PERMANENT_ERRORS.has(errorCode)) return { giveUp: true, reason: 'PERMANENT' };
    if (attempts >= this.maxAttempts) return { giveUp: true, reason: 'MAX_ATTEMPTS' };
    return { giveUp: false, delayMs: this.delayAfter(attempts) };
  }
}
