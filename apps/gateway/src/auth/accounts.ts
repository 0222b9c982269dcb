import type { Actor } from '@writ/contracts';
import { UserRepository, type UserAccount } from './user.repository.js';

/**
 * The account behind a token, as it stands now (re-read at most once a minute): disabling an account
 * or changing its roles or court takes effect within a minute, not when its token expires.
 */
export class Accounts {
  private readonly cache = new Map<string, { account: UserAccount | null; until: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(
    private readonly users: UserRepository,
    private readonly ttlMs = 60_000,
  ) {}

  /** The actor for a verified token's user, or null when the account is gone or disabled. */
  async actorFor(userId: string, now: Date): Promise<Actor | null> {
    const account = await this.current(userId, now);
    if (!account || account.disabled) return null;
    return {
      id: account.id,
      username: account.username,
      roles: account.roles,
      courtCode: account.courtCode,
      ...(account.partyIdNumber ? { partyIdNumber: account.partyIdNumber } : {}),
    };
  }

  private async current(userId: string, now: Date): Promise<UserAccount | null> {
    const cached = this.cache.get(userId);
    if (cached && now.getTime() < cached.until) return cached.account;
    const account = await this.users.findById(userId);
    this.cache.delete(userId);
    if (this.cache.size >= Accounts.CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(userId, { account, until: now.getTime() + this.ttlMs });
    return account;
  }
}
