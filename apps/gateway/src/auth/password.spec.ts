import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('writ-demo-2026');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('writ-demo-2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('writ-demo-2025', stored)).resolves.toBe(false);
  });
  it('salts each hash, so equal passwords do not look equal', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
  it('refuses everything against the dummy hash and malformed records', async () => {
    await expect(verifyPassword('anything', DUMMY_HASH)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'plain-text')).resolves.toBe(false);
  });
});
