/**
 * Slows down password guessing: after `maxFailures` failed logins for one username within `windowMs`,
 * that username is refused until the window has passed, whatever password is tried. An attempt counts
 * as failed from the moment it starts (so guesses sent all at once are counted too) until it succeeds,
 * which clears the count. Kept in memory per gateway instance (several instances each count their own).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxTracked = 100_000,
  ) {}

  /** Milliseconds until the username may try again, or 0 when it may try now. */
  retryAfterMs(username: string, now: Date): number {
    const recent = this.recent(username, now);
    if (recent.length < this.maxFailures) return 0;
    return recent[recent.length - this.maxFailures]! + this.windowMs - now.getTime();
  }

  /** Counts an attempt as failed; call before checking the password. */
  recordAttempt(username: string, now: Date): void {
    const recent = this.recent(username, now);
    recent.push(now.getTime());
    this.failures.delete(username);
    if (this.failures.size >= this.maxTracked) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(username, recent.slice(-this.maxFailures));
  }

  recordSuccess(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    return (this.failures.get(username) ?? []).filter((at) => at > since);
  }
}
