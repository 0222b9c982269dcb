import { ConfigError, loadConfig } from '@writ/platform';
import { GatewayConfig } from './config.js';

describe('the gateway configuration', () => {
  it('refuses to start in production without JWT_SECRET, naming it', () => {
    expect(() => loadConfig(GatewayConfig, { WRIT_MODE: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(GatewayConfig, { WRIT_MODE: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig(GatewayConfig, { WRIT_MODE: 'production', JWT_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    );
  });

  it('starts in production with a proper secret, and locally with none', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig(GatewayConfig, { WRIT_MODE: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(
      secret,
    );
    expect(loadConfig(GatewayConfig, {}).WRIT_MODE).toBe('local');
  });

  it('names a malformed port', () => {
    expect(() => loadConfig(GatewayConfig, { PORT: 'eighty' })).toThrow(/PORT/);
  });
});
