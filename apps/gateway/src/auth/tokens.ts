import { Role, type Actor } from '@writ/contracts';
import { jwtVerify, SignJWT } from 'jose';

/** Access tokens: HS256 JWTs (jose, the maintained standard library for JOSE) carrying the actor. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlMinutes: number,
  ) {
    this.key = new TextEncoder().encode(secret);
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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'writ',
        algorithms: ['HS256'],
        currentDate: now,
      });
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
