import { Role, type Actor } from '@writ/contracts';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** Access tokens: HS256 JWTs (jose, the maintained standard library for JOSE) carrying the actor. */
export class TokenService {
  // a KeyObject made once: given raw bytes, jose would import the key again on every request
  private readonly key: KeyObject;
  private static readonly CACHE_SIZE = 10_000;
  private readonly verified = new Map<string, { actor: Actor; validUntil: number }>();
  private readonly expiries = new Map<string, number>();

  constructor(
    secret: string,
    private readonly ttlMinutes: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async issue(actor: Actor, now: Date): Promise<{ token: string; expiresAt: string }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expires = issuedAt + this.ttlMinutes * 60;
    const token = await new SignJWT({
      username: actor.username,
      roles: actor.roles,
      court: actor.courtCode,
      ...(actor.partyIdNumber ? { party: actor.partyIdNumber } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuer('writ')
      .setIssuedAt(issuedAt)
      .setExpirationTime(expires)
      .sign(this.key);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** The actor a token speaks for, or null when it is forged, expired or malformed. */
  async verify(token: string, now: Date): Promise<Actor | null> {
    const cached = this.verified.get(token);
    if (cached && now.getTime() < cached.validUntil) return cached.actor;
    const actor = await this.verifySignature(token, now);
    if (actor) this.remember(token, actor, now);
    return actor;
  }

  /**
   * A token verified once is trusted again, without re-checking its signature, for a minute at most
   * and never past its expiry: an officer's token is then checked once a minute, not on every click.
   */
  private remember(token: string, actor: Actor, now: Date): void {
    const expiresAt = this.expiries.get(token) ?? now.getTime();
    this.expiries.delete(token);
    if (this.verified.size >= TokenService.CACHE_SIZE) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, { actor, validUntil: Math.min(expiresAt, now.getTime() + 60_000) });
  }

  private async verifySignature(token: string, now: Date): Promise<Actor | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'writ',
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.exp === 'number') this.expiries.set(token, payload.exp * 1000);
      const roles = Array.isArray(payload['roles']) ? (payload['roles'] as unknown[]) : [];
      const known = new Set<string>(Object.values(Role));
      if (typeof payload.sub !== 'string' || typeof payload['court'] !== 'string') return null;
      return {
        id: payload.sub,
        username: String(payload['username']),
        roles: roles.filter((r): r is Role => typeof r === 'string' && known.has(r)),
        courtCode: payload['court'],
        ...(typeof payload['party'] === 'string' ? { partyIdNumber: payload['party'] } : {}),
      };
    } catch {
      return null;
    }
  }
}
