import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  EventVersions,
  type Actor,
  type EventContract,
  type EventEnvelope,
  type EventType,
} from '@writ/contracts';
import { BusClient } from './bus/bus-client.js';
import { BusRequestError } from './bus/message-bus.js';
import { NatsBus } from './bus/nats-bus.js';
import { createLogger } from './logger.js';
import type { RunningService, StartOptions } from './service.js';

/** Test plumbing: every test run gets its own databases and its own bus namespace on the shared servers. */
export const TEST_POSTGRES = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function testDatabaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The environment for one service under test. */
export function testServiceEnv(service: string, namespace: string): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: testDatabaseUrl(`writ_t_${namespace.replace(/-/g, '_')}_${service.replace(/-/g, '_')}`),
    NATS_URL: TEST_NATS,
    BUS_NAMESPACE: namespace,
    HTTP_PORT: '0',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    // tests start several services side by side, and two packages test at once: stay well inside
    // PostgreSQL's default 100 connections
    DB_POOL_SIZE: '10',
  };
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A bus client on NATS under the given namespace, as another service would hold it. */
export async function testBusClient(namespace: string): Promise<{ client: BusClient; bus: NatsBus }> {
  const bus = await NatsBus.connect(TEST_NATS, namespace, createLogger('test', 'warn'), `test-${namespace}`);
  return { client: new BusClient(bus, 10_000), bus };
}

export function testActor(overrides: Partial<Actor> = {}): Actor {
  return {
    id: 'user-officer-1',
    username: 'officer1',
    roles: ['OFFICER' as Actor['roles'][number]],
    courtCode: '辽1104',
    ...overrides,
  };
}

/** The coded error a request was refused with; fails if it was not refused. */
export async function rejection(promise: Promise<unknown>): Promise<BusRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BusRequestError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

/**
 * One test file's own corner of the shared servers: a bus namespace, the services started in it (each
 * with its own database), a bus client, and a tear-down that removes all of it again.
 */
export class TestNamespace {
  readonly namespace: string;
  private readonly databases: string[] = [];
  private readonly services: RunningService[] = [];
  private connection?: { client: BusClient; bus: NatsBus };

  constructor(prefix: string) {
    this.namespace = `${prefix}-${uniqueSuffix()}`;
  }

  /** The environment of a service in this namespace; its database is dropped at tear-down. */
  env(service: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env = { ...testServiceEnv(service, this.namespace), ...extra };
    this.databases.push(env['DATABASE_URL']!);
    return env;
  }

  /** Starts a service in the namespace; `options` can give it e.g. a `FixedClock` the test moves. */
  async start(
    start: (options: StartOptions) => Promise<RunningService>,
    service: string,
    extra: NodeJS.ProcessEnv = {},
    options: Omit<StartOptions, 'env'> = {},
  ): Promise<RunningService> {
    const running = await start({ ...options, env: this.env(service, extra) });
    this.services.push(running);
    return running;
  }

  /** A client on the namespace's bus, as another service would hold it. */
  async connect(): Promise<{ client: BusClient; bus: NatsBus }> {
    this.connection ??= await testBusClient(this.namespace);
    return this.connection;
  }

  async tearDown(): Promise<void> {
    for (const service of this.services.splice(0).reverse()) await service.close();
    if (this.connection) {
      await this.connection.bus.deleteStream().catch(() => undefined);
      await this.connection.bus.close();
    }
    for (const url of this.databases.splice(0)) await dropDatabase(url);
  }
}

/**
 * Polls `probe` until `done` says yes, failing with what was last seen after `timeoutMs`: for effects
 * that arrive by event, where a test cannot know the moment.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An event as another stage would publish it, for a service test to put on the bus. */
export function testEvent<T extends EventType>(
  type: T,
  data: EventContract[T],
  meta: { courtCode: string; actor?: Actor; occurredAt?: Date },
): EventEnvelope<EventContract[T]> {
  return {
    id: randomUUID(),
    type,
    version: EventVersions[type],
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: randomUUID(),
    actor:
      meta.actor ??
      testActor({
        id: `service:${type.split('.')[0]}`,
        username: type.split('.')[0]!,
        courtCode: meta.courtCode,
      }),
    courtCode: meta.courtCode,
    data,
  };
}
