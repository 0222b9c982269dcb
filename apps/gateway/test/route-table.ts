import { APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CodedError, Role, type Actor, type RpcSubject } from '@writ/contracts';
import { BusClient, CLOCK, FixedClock } from '@writ/platform';
import type { Logger } from 'pino';
import { AccessGuard } from '../src/auth/access.js';
import { Accounts } from '../src/auth/accounts.js';
import { TokenService } from '../src/auth/tokens.js';
import { ProblemFilter } from '../src/http/problem.filter.js';
import { ALL_ROLES } from '../src/http/roles.js';

/**
 * What the route-table tests share: the gateway's controllers over a bus that only records, a token for
 * one user of each role, and the check that a route sends its command for the roles its table names.
 */

export const NOW = new Date('2026-11-28T02:00:00Z');
export const CASE_ID = '0b9f6a4e-2d1c-4f3a-9c57-2f1b7e8d4a10';
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
export const DEBTOR = { kind: 'NATURAL_PERSON', name: '张三', idNumber: '11010519491231002X' };

interface Sent {
  subject: RpcSubject;
  body: Record<string, unknown>;
  actor: Actor | undefined;
}

/** The bus as the gateway sees it: records each request, answers `{}` or the error it is given. */
export class RecordingBus {
  sent: Sent[] = [];
  failWith: CodedError | undefined;

  async request(
    subject: RpcSubject,
    body: Record<string, unknown>,
    options: { actor?: Actor } = {},
  ): Promise<unknown> {
    this.sent.push({ subject, body: { ...body }, actor: options.actor });
    if (this.failWith) throw this.failWith;
    return {};
  }
}

export type Method = 'GET' | 'POST' | 'PUT';

export interface Route {
  method: Method;
  path: string;
  subject: RpcSubject;
  roles: readonly Role[];
  body?: Record<string, unknown>;
  /** the command the route should send, beyond the body */
  adds: Record<string, unknown>;
  idempotent?: boolean;
  /** answers 201: the route makes something new (a case, a measure, a record) */
  created?: boolean;
}

export function actorOf(role: Role): Actor {
  return {
    id: `user-${role}`,
    username: role.toLowerCase(),
    roles: [role],
    courtCode: '辽1104',
    ...(role === Role.Party ? { partyIdNumber: DEBTOR.idNumber } : {}),
  };
}

export interface Problem {
  status: number;
  code: string;
  rule?: string;
  errors?: { field: string; rule: string; message: string }[];
}

export interface RouteApp {
  app: NestFastifyApplication;
  bus: RecordingBus;
  call(
    role: Role,
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Problem }>;
  /** the raw answer, for routes that answer a file rather than JSON */
  fetchAs(role: Role, url: string): Promise<Response>;
  close(): Promise<void>;
}

/** The given controllers behind the gateway's guard and problem filter, listening on a free port. */
export async function startRouteApp(controllers: NonNullable<unknown>[]): Promise<RouteApp> {
  const bus = new RecordingBus();
  const tokens = new TokenService(SECRET, 60);
  const actors = new Map(ALL_ROLES.map((role) => [`user-${role}`, actorOf(role)]));
  const moduleRef = await Test.createTestingModule({
    controllers: controllers as never[],
    providers: [
      { provide: APP_GUARD, useClass: AccessGuard },
      { provide: BusClient, useValue: bus },
      { provide: TokenService, useValue: tokens },
      { provide: Accounts, useValue: { actorFor: async (id: string) => actors.get(id) ?? null } },
      { provide: CLOCK, useValue: new FixedClock(NOW) },
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter({ error: () => undefined } as unknown as Logger));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const tokenOf = new Map<Role, string>();
  for (const role of ALL_ROLES) tokenOf.set(role, (await tokens.issue(actorOf(role), NOW)).token);

  return {
    app,
    bus,
    async call(role, method, url, body, headers = {}) {
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${tokenOf.get(role)}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Problem };
    },
    fetchAs: (role, url) =>
      fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${tokenOf.get(role)}` } }),
    close: () => app.close(),
  };
}

/**
 * Calls the route as each of the nine roles: the roles the table names get their command on the bus,
 * with the body, the path's ids and the Idempotency-Key; every other role gets 403 and sends nothing.
 */
export async function expectRouteAnswersItsRoles(routes: RouteApp, route: Route): Promise<void> {
  const { bus } = routes;
  for (const role of ALL_ROLES) {
    bus.sent = [];
    const response = await routes.call(role, route.method, route.path, route.body, {
      'idempotency-key': 'retry-key-0001',
    });
    if (!route.roles.includes(role)) {
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
      expect(bus.sent).toEqual([]);
      continue;
    }
    expect({ role, status: response.status }).toEqual({ role, status: route.created ? 201 : 200 });
    expect(bus.sent).toHaveLength(1);
    const sent = bus.sent[0]!;
    expect(sent.subject).toBe(route.subject);
    expect(sent.actor).toEqual(actorOf(role));
    expect(sent.body).toEqual({
      ...route.body,
      ...route.adds,
      ...(route.idempotent ? { requestKey: 'retry-key-0001' } : {}),
    });
  }
}

/**
 * What every route-table suite sets up: the gateway's `controllers` over the recording bus, a clean
 * bus before each test, and one test per route of `table` checking every role. `started` hands the
 * suite the app for its own tests (and lets it make the bus answer as a service would).
 */
export function describeRouteTable(
  controllers: NonNullable<unknown>[],
  table: readonly Route[],
  started: (app: RouteApp) => void,
): void {
  let app: RouteApp | undefined;
  beforeAll(async () => {
    app = await startRouteApp(controllers);
    started(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(() => {
    if (!app) return;
    app.bus.sent = [];
    app.bus.failWith = undefined;
  });
  it.each(table.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s sends its command on the bus for the roles the table names, and refuses every other role',
    async (_name, route) => {
      await expectRouteAnswersItsRoles(app!, route);
    },
  );
}
