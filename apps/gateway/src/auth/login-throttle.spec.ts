import { LoginThrottle } from './login-throttle.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 2, minutes));

describe('login throttling', () => {
  it('lets four failures pass and refuses after the fifth, for the rest of the window', () => {
    const throttle = new LoginThrottle(5, 15 * 60_000);
    for (let i = 0; i < 4; i++) throttle.recordAttempt('officer1', at(i));
    expect(throttle.retryAfterMs('officer1', at(4))).toBe(0);
    throttle.recordAttempt('officer1', at(4));
    // the first of the five failures was at minute 0: the window closes at minute 15
    expect(throttle.retryAfterMs('officer1', at(5))).toBe(10 * 60_000);
    expect(throttle.retryAfterMs('officer1', at(15))).toBe(0);
  });

  it('counts each username apart, and forgets the failures after a success', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordAttempt('a', at(0));
    throttle.recordAttempt('a', at(0));
    expect(throttle.retryAfterMs('a', at(0))).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('b', at(0))).toBe(0);
    throttle.recordSuccess('a');
    expect(throttle.retryAfterMs('a', at(0))).toBe(0);
  });
});
