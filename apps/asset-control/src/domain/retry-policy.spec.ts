import { ErrorCode } from '@writ/contracts';
import { RetryPolicy } from './retry-policy.js';

describe('asking an agency again (retry policy)', () => {
  const policy = new RetryPolicy(5, 500, 4_000);

  it('waits twice as long after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => policy.delayAfter(n))).toEqual([
      500, 1_000, 2_000, 4_000, 4_000, 4_000,
    ]);
  });

  it('asks again until the last attempt, then gives up', () => {
    expect(policy.afterFailure(1, ErrorCode.AgencyFailed)).toEqual({ giveUp: false, delayMs: 500 });
    expect(policy.afterFailure(4, ErrorCode.UpstreamTimeout)).toEqual({ giveUp: false, delayMs: 4_000 });
    expect(policy.afterFailure(5, ErrorCode.AgencyFailed)).toEqual({ giveUp: true, reason: 'MAX_ATTEMPTS' });
    expect(policy.afterFailure(9, ErrorCode.ServiceUnavailable)).toEqual({
      giveUp: true,
      reason: 'MAX_ATTEMPTS',
    });
  });

  it('gives up at once when the agency refused the request itself', () => {
    expect(policy.afterFailure(1, ErrorCode.ValidationFailed)).toEqual({ giveUp: true, reason: 'PERMANENT' });
  });

  it('makes one attempt only when the maximum is 1', () => {
    expect(new RetryPolicy(1, 10, 10).afterFailure(1, ErrorCode.AgencyFailed).giveUp).toBe(true);
  });

  it('never overflows, however many attempts are allowed', () => {
    const patient = new RetryPolicy(10_000, 1, 60_000);
    expect(patient.delayAfter(5_000)).toBe(60_000);
    for (let n = 1; n < 200; n++)
      expect(patient.delayAfter(n)).toBeGreaterThanOrEqual(patient.delayAfter(n - 1));
  });

  it('refuses settings that make no sense', () => {
    expect(() => new RetryPolicy(0, 500, 1_000)).toThrow(RangeError);
    expect(() => new RetryPolicy(3, 0, 1_000)).toThrow(RangeError);
    expect(() => new RetryPolicy(3, 2_000, 1_000)).toThrow(RangeError);
  });
});
