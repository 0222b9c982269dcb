import { randomUUID } from 'node:crypto';
import { CaseType, ErrorCode, Events, IsFen, type EventEnvelope } from '@writ/contracts';
import { IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  BusRequestError,
  createLogger,
  dropDatabase,
  FixedClock,
  Inbox,
  NatsBus,
  openDataSource,
  OutboxRelay,
  PlatformTables1764300000000,
  TEST_NATS,
  testDatabaseUrl,
  uniqueSuffix,
  UnitOfWork,
  toWireError,
  validateMessage,
} from '../src/index.js';

const logger = createLogger('platform-test', 'silent');

function caseRegistered(caseId: string) {
  return {
    caseId,
    caseNumber: '（2026）辽1104执1号',
    caseType: CaseType.Execution,
    courtCode: '辽1104',
    claimAmountFen: 100,
    filingDate: '2026-11-28',
    respondents: [],
  };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the outbox and the inbox on real PostgreSQL and JetStream', () => {
  const namespace = `t-pl-${uniqueSuffix()}`;
  const url = testDatabaseUrl(`writ_t_platform_${namespace.replace(/-/g, '_')}`);
  const clock = new FixedClock(new Date('2026-11-28T02:00:00Z'));
  let dataSource: DataSource;
  let bus: NatsBus;
  let relay: OutboxRelay;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    dataSource = await openDataSource({ url, entities: [], migrations: [PlatformTables1764300000000] });
    await dataSource.query('CREATE TABLE handled_effect (event_id UUID NOT NULL)');
    bus = await NatsBus.connect(TEST_NATS, namespace, logger, 'platform-test');
    relay = new OutboxRelay(dataSource, bus, clock, logger);
    unitOfWork = new UnitOfWork(dataSource, clock, 'platform-test', () => undefined);
  });

  afterAll(async () => {
    await relay?.stop();
    await bus?.deleteStream();
    await bus?.close();
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  it('keeps an event whose publish failed and delivers it once the broker is back', async () => {
    const received: EventEnvelope[] = [];
    const caseId = randomUUID();
    // the broker is out of reach: this relay's connection is gone
    const lost = await NatsBus.connect(TEST_NATS, namespace, logger, 'platform-test-lost');
    await lost.close();
    const cutOff = new OutboxRelay(dataSource, lost, clock, logger);
    await unitOfWork.run((tx) =>
      tx.emit(Events.CaseRegistered, caseRegistered(caseId), { courtCode: '辽1104' }),
    );
    await expect(cutOff.relayPending()).rejects.toThrow();
    const [pending] = await dataSource.query<{ attempts: number; published_at: Date | null }[]>(
      'SELECT attempts, published_at FROM outbox',
    );
    expect(pending).toEqual({ attempts: 1, published_at: null });

    // back: a relay with a working connection delivers what was kept
    const consumer = await bus.consume('listener', Events.CaseRegistered, async (envelope) => {
      received.push(envelope);
    });
    expect(await relay.relayPending()).toBe(1);
    expect(await relay.relayPending()).toBe(0);
    await until(async () => (received.length ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((e) => (e.data as { caseId: string }).caseId)).toEqual([caseId]);
    expect(received[0]!.type).toBe('case.registered');
    expect(received[0]!.version).toBe(1);
    await consumer.stop();
  });

  it('handles a redelivered event once: the second delivery finds the inbox row and changes nothing', async () => {
    const inbox = new Inbox(unitOfWork, clock);
    let deliveries = 0;
    const caseId = randomUUID();
    const consumer = await bus.consume('effect-writer', Events.CaseRegistered, async (envelope) => {
      // the stream also holds the earlier test's event; this consumer counts only its own
      if ((envelope.data as { caseId: string }).caseId !== caseId) return;
      deliveries++;
      await inbox.handleOnce('effect-writer', envelope, async (tx) => {
        await tx.manager.query('INSERT INTO handled_effect (event_id) VALUES ($1)', [envelope.id]);
      });
      // the process "dies" before acknowledging the first delivery, so JetStream delivers again
      if (deliveries === 1) throw new Error('crash before ack');
    });
    await unitOfWork.run((tx) =>
      tx.emit(Events.CaseRegistered, caseRegistered(caseId), { courtCode: '辽1104' }),
    );
    await relay.relayPending();
    await until(async () => (deliveries >= 2 ? true : undefined), 15_000);
    const effects = await dataSource.query<{ event_id: string }[]>('SELECT event_id FROM handled_effect');
    expect(effects).toHaveLength(1);
    await consumer.stop();
  });

  it('publishes a committed event at once and marks it published, without waiting for the safety net', async () => {
    const fast = new OutboxRelay(dataSource, bus, clock, logger, { pollMs: 60_000 });
    const wired = new UnitOfWork(dataSource, clock, 'platform-test', (events) => fast.committed(events));
    const caseId = randomUUID();
    const seen: string[] = [];
    const consumer = await bus.consume('fast-listener', Events.CaseRegistered, async (envelope) => {
      seen.push((envelope.data as { caseId: string }).caseId);
    });
    fast.start();
    try {
      const envelope = await wired.run((tx) =>
        tx.emit(Events.CaseRegistered, caseRegistered(caseId), { courtCode: '辽1104' }),
      );
      await until(async () => (seen.includes(caseId) ? true : undefined));
      const published = await until(async () => {
        const [row] = await dataSource.query<{ published_at: Date | null }[]>(
          'SELECT published_at FROM outbox WHERE id = $1',
          [envelope.id],
        );
        return row?.published_at ?? undefined;
      });
      expect(published).toBeInstanceOf(Date);
      expect(seen.filter((id) => id === caseId)).toHaveLength(1);
    } finally {
      await fast.stop();
      await consumer.stop();
    }
  });

  it('makes the event stream again when it was lost, and publishes into it', async () => {
    await bus.deleteStream();
    const caseId = randomUUID();
    const envelope = await unitOfWork.run((tx) =>
      tx.emit(Events.CaseRegistered, caseRegistered(caseId), { courtCode: '辽1104' }),
    );
    await expect(bus.publish(envelope)).resolves.toBeUndefined();
    const seen: string[] = [];
    const consumer = await bus.consume('after-loss', Events.CaseRegistered, async (e) => {
      seen.push((e.data as { caseId: string }).caseId);
    });
    await until(async () => (seen.includes(caseId) ? true : undefined));
    await consumer.stop();
  });

  it('rolls back the state change, the audit entry and the event together', async () => {
    const before = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox');
    await expect(
      unitOfWork.run(async (tx) => {
        await tx.emit(Events.CaseRegistered, caseRegistered(randomUUID()), { courtCode: '辽1104' });
        await tx.audit({ action: 'test', entityType: 'x', entityId: '1', courtCode: '辽1104' });
        throw new Error('a rule refused halfway');
      }),
    ).rejects.toThrow('halfway');
    const after = await dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await dataSource.query(`SELECT 1 FROM audit_log WHERE action = 'test'`)).toHaveLength(0);
  });
});

class Payment {
  @IsString()
  payer!: string;

  @IsFen({ positive: true })
  amountFen!: number;
}

describe('validation at a boundary', () => {
  it('names each broken field and rule, unknown fields included', async () => {
    const error = await validateMessage(Payment, { payer: 3, amountFen: 1.5, extra: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: ErrorCode.ValidationFailed });
    const wire = (error as { toWire(): { errors: { field: string; rule: string }[] } }).toWire();
    expect(wire.errors.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'amountFen:isFen',
      'extra:whitelistValidation',
      'payer:isString',
    ]);
  });

  it('refuses a body that is not an object', async () => {
    await expect(validateMessage(Payment, [1, 2])).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });
});

describe('errors on the wire', () => {
  it('passes a database error on as INTERNAL, without its query or parameters', () => {
    const databaseError = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      query: 'INSERT INTO case_party ...',
      parameters: ['11010519491231002X'],
    });
    expect(toWireError(databaseError)).toEqual({ code: ErrorCode.Internal, message: 'Internal error' });
  });

  it('keeps only the fields of a coded error', () => {
    const wire = { code: ErrorCode.NotFound, message: 'No case', query: 'SELECT ...' };
    expect(toWireError(wire)).toEqual({ code: ErrorCode.NotFound, message: 'No case' });
  });
});

describe('the bus when nobody answers', () => {
  it('fails at once with SERVICE_UNAVAILABLE instead of waiting for the timeout', async () => {
    const lonely = await NatsBus.connect(TEST_NATS, `t-lonely-${uniqueSuffix()}`, logger, 'lonely');
    try {
      const started = Date.now();
      const error = await lonely
        .request('cases.case.get', {}, { timeoutMs: 5_000, headers: {} })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BusRequestError);
      expect((error as BusRequestError).wire.code).toBe(ErrorCode.ServiceUnavailable);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await lonely.deleteStream();
      await lonely.close();
    }
  });
});
