import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWrit, type RunningWrit } from '../src/harness.js';
import { runEnforcementStory } from './enforcement-story.js';

/**
 * The newcomer's machine: no PostgreSQL and no NATS answer, so `npm start` runs an embedded
 * PostgreSQL and every service in one process on the in-process bus. Forced here, on a machine that has
 * the servers, by the launcher's switches.
 */
describe('Writ with embedded PostgreSQL and the in-process transport', () => {
  let writ: RunningWrit;

  beforeAll(async () => {
    writ = await startWrit({ WRIT_FORCE_EMBEDDED_PG: '1', WRIT_FORCE_IN_PROCESS: '1' });
  });

  afterAll(async () => {
    await writ?.stop();
  });

  it('tells the newcomer it is running on the fallbacks', async () => {
    const health = await fetch(`${writ.url}/api/health`);
    expect(((await health.json()) as { transport: string }).transport).toBe('in-process');
  });

  it('carries the same story end to end', async () => {
    await runEnforcementStory(writ.url);
  });
});
