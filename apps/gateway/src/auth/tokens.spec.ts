import { Role, type Actor } from '@writ/contracts';
import { TokenService } from './tokens.js';

const officer: Actor = { id: 'u1', username: 'officer1', roles: [Role.Officer], courtCode: '辽1104' };
const secret = 'a-test-secret-of-at-least-thirty-two-characters';

describe('access tokens', () => {
  it('carries the actor, court and roles, and refuses a forged signature', async () => {
    const tokens = new TokenService(secret, 60);
    const now = new Date('2026-11-28T02:00:00Z');
    const { token } = await tokens.issue(officer, now);
    await expect(tokens.verify(token, now)).resolves.toEqual(officer);
    const forged = new TokenService('another-secret-of-at-least-thirty-two-chars', 60);
    await expect(forged.verify(token, now)).resolves.toBeNull();
    await expect(tokens.verify(`${token.slice(0, -3)}abc`, now)).resolves.toBeNull();
  });

  it('stops accepting a token at its expiry, even one verified a moment before', async () => {
    const tokens = new TokenService(secret, 5);
    const issuedAt = new Date('2026-11-28T02:00:00Z');
    const { token, expiresAt } = await tokens.issue(officer, issuedAt);
    await expect(tokens.verify(token, new Date(Date.parse(expiresAt) - 1000))).resolves.toEqual(officer);
    await expect(tokens.verify(token, new Date(Date.parse(expiresAt) + 1000))).resolves.toBeNull();
  });

  it('keeps only the roles Writ knows', async () => {
    const tokens = new TokenService(secret, 60);
    const now = new Date('2026-11-28T02:00:00Z');
    const { token } = await tokens.issue({ ...officer, roles: [Role.Officer, 'ADMIN' as Role] }, now);
    expect((await tokens.verify(token, now))?.roles).toEqual([Role.Officer]);
  });
});
