import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { ListCasesReply } from '@writ/contracts/web';
import { caseApplication, WritApi } from '../src/api-client.js';
import { startWrit, type RunningWrit } from '../src/harness.js';
import { runEnforcementStory } from './enforcement-story.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
}

describe('Writ on NATS and PostgreSQL, every service in its own process', () => {
  let writ: RunningWrit;
  let officer: WritApi;

  beforeAll(async () => {
    writ = await startWrit();
    officer = new WritApi(writ.url);
    await officer.login('officer1');
  });

  afterAll(async () => {
    await writ?.stop();
  });

  it('carries a case from registration to the asset inquiry, scoped to court and party', async () => {
    await runEnforcementStory(writ.url);
  });

  it('answers every malformed request with a 4xx problem naming the field and rule, and writes nothing', async () => {
    const before = (await officer.call<ListCasesReply>('GET', '/api/cases?pageSize=1')).body.total;
    const valid = caseApplication();
    const cases: [string, unknown, number, string][] = [
      ['wrong type', { ...valid, claimAmountFen: '100' }, 400, 'claimAmountFen'],
      ['missing field', { ...valid, basis: undefined }, 400, 'basis'],
      [
        'invalid 身份证 checksum',
        { ...valid, respondents: [{ kind: 'NATURAL_PERSON', name: '张三', idNumber: '110105194912310021' }] },
        400,
        'respondents[0].idNumber',
      ],
      [
        'invalid 统一社会信用代码',
        { ...valid, applicants: [{ kind: 'ORGANISATION', name: '某公司', idNumber: '91350100M000100Y44' }] },
        400,
        'applicants[0].idNumber',
      ],
      ['negative amount', { ...valid, claimAmountFen: -100 }, 400, 'claimAmountFen'],
      ['fractional amount', { ...valid, claimAmountFen: 100.5 }, 400, 'claimAmountFen'],
      ['unknown field', { ...valid, judgeComment: 'x' }, 400, 'judgeComment'],
      ['unknown case type', { ...valid, caseType: '民初' }, 400, 'caseType'],
      [
        'basis not in force',
        { ...valid, basis: { ...(valid['basis'] as object), effectiveDate: '2999-01-01' } },
        422,
        'basis.effectiveDate',
      ],
    ];
    for (const [name, body, status, field] of cases) {
      const response = await officer.call<Problem>('POST', '/api/cases', body);
      expect({ name, status: response.status }).toEqual({ name, status });
      expect(response.contentType).toMatch(/application\/problem\+json/);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
      expect(response.body.errors?.every((e) => e.rule && e.message)).toBe(true);
    }
    const notJson = await officer.call<Problem>('POST', '/api/cases', '{"caseType": ', {
      'content-type': 'application/json',
    });
    expect(notJson.status).toBe(400);
    const oversized = await officer.call<Problem>('POST', '/api/cases', {
      ...valid,
      note: 'x'.repeat(400_000),
    });
    expect(oversized.status).toBe(413);
    expect(oversized.contentType).toMatch(/application\/problem\+json/);
    const badQuery = await officer.call<Problem>('GET', '/api/cases?pageSize=1000');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors?.[0]?.field).toBe('pageSize');
    const badId = await officer.call<Problem>('GET', '/api/cases/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0]?.field).toBe('caseId');
    const after = (await officer.call<ListCasesReply>('GET', '/api/cases?pageSize=1')).body.total;
    expect(after).toBe(before);
  });

  it('refuses a bad token, a wrong password and a role that may not register', async () => {
    const forged = new WritApi(writ.url);
    forged.token = `${officer.token!.slice(0, -4)}AAAA`;
    const refused = await forged.call<Problem>('GET', '/api/cases');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    const wrong = await new WritApi(writ.url).call<Problem>('POST', '/api/auth/login', {
      username: 'officer1',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    // five wrong passwords lock the username for a while, even against the right one
    const guesser = new WritApi(writ.url);
    for (let i = 0; i < 5; i++) {
      expect(
        (await guesser.call('POST', '/api/auth/login', { username: 'clerk1', password: `guess-${i}` }))
          .status,
      ).toBe(401);
    }
    const locked = await guesser.call<Problem>('POST', '/api/auth/login', {
      username: 'clerk1',
      password: 'writ-demo-2026',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    const leader = new WritApi(writ.url);
    await leader.login('leader1');
    expect((await leader.call('POST', '/api/cases', caseApplication())).status).toBe(403);
    expect((await leader.call('GET', '/api/cases')).status).toBe(200);
  });

  it('stops honouring the token of an account that was disabled', async () => {
    const desk = new WritApi(writ.url);
    await desk.login('petition1');
    const gatewayDb = new pg.Client({ connectionString: writ.databaseUrl('gateway') });
    await gatewayDb.connect();
    try {
      await gatewayDb.query(`UPDATE app_user SET disabled = true WHERE username = 'petition1'`);
    } finally {
      await gatewayDb.end();
    }
    const refused = await desk.call<Problem>('GET', '/api/cases');
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/disabled/);
  });

  it('registers once for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const key = `idem-${Date.now()}`;
    const first = await officer.call<{ id: string }>('POST', '/api/cases', caseApplication(), {
      'Idempotency-Key': key,
    });
    const second = await officer.call<{ id: string }>('POST', '/api/cases', caseApplication(), {
      'Idempotency-Key': key,
    });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const changed = await officer.call<Problem>(
      'POST',
      '/api/cases',
      { ...caseApplication(), claimAmountFen: 5 },
      { 'Idempotency-Key': key },
    );
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('publishes its OpenAPI document and metrics, and serves the web UI', async () => {
    const docs = await officer.call<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/cases', '/api/cases/{id}']),
    );
    expect(docs.body.components.schemas).toHaveProperty('RegisterCaseBody');
    expect((await fetch(`${writ.url}/api/health/live`)).status).toBe(200);
    const ready = (await (await fetch(`${writ.url}/api/health/ready`)).json()) as { checks: unknown };
    expect(ready.checks).toEqual({ database: 'up', bus: 'up' });
    await officer.call('GET', '/api/cases');
    const metrics = await (await fetch(`${writ.url}/api/metrics`)).text();
    expect(metrics).toMatch(/writ_http_request_seconds_count\{[^}]*route="\/api\/cases"/);
    const page = await fetch(`${writ.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
  });
});
