import { Events, type EventEnvelope } from '@writ/contracts';
import type { DataSource } from 'typeorm';
import {
  dropDatabase,
  FixedClock,
  openDataSource,
  PlatformTables1764300000000,
  runInContext,
  testDatabaseUrl,
  uniqueSuffix,
  UnitOfWork,
  type GatheredWrite,
  type Transaction,
} from '../src/index.js';

const COURT = '辽1104';

/** Group commit on real PostgreSQL: members share one transaction, each refused alone, all answered after commit. */
describe('UnitOfWork.runGrouped', () => {
  const url = testDatabaseUrl(`writ_t_platform_grouped_${uniqueSuffix().replace(/-/g, '_')}`);
  const clock = new FixedClock(new Date('2026-11-28T02:00:00Z'));
  let dataSource: DataSource;
  let committed: EventEnvelope[];
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    dataSource = await openDataSource({ url, entities: [], migrations: [PlatformTables1764300000000] });
    await dataSource.query('CREATE TABLE grouped_item (id TEXT PRIMARY KEY, n INT NOT NULL)');
    await dataSource.query(`INSERT INTO grouped_item VALUES ('#counter', 0)`);
    // one batch at a time: calls made together are sure to share a transaction
    unitOfWork = new UnitOfWork(dataSource, clock, 'platform-test', (events) => committed.push(...events), {
      maxBatches: 1,
    });
  });

  beforeEach(() => {
    committed = [];
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  /** a member's work: a row, a bump of the shared counter (deferred), an event and an audit entry */
  const insert =
    (id: string, fail?: 'after-insert' | 'duplicate') =>
    async (tx: Transaction): Promise<string> => {
      await tx.manager.query('INSERT INTO grouped_item (id, n) VALUES ($1, 1)', [id]);
      tx.defer(`UPDATE grouped_item SET n = n + 1 WHERE id = '#counter'`, []);
      await tx.emit(Events.LedgerMoneyReceived, received(id), { courtCode: COURT });
      await tx.audit({
        action: 'grouped.insert',
        entityType: 'grouped_item',
        entityId: id,
        courtCode: COURT,
      });
      if (fail === 'after-insert') throw new Error(`${id} refused`);
      if (fail === 'duplicate')
        await tx.manager.query('INSERT INTO grouped_item (id, n) VALUES ($1, 1)', [id]);
      return id;
    };

  const received = (id: string) => ({
    caseId: '00000000-0000-4000-8000-000000000001',
    receiptId: id,
    amountFen: 1,
    source: 'OTHER' as const,
    receivedOn: '2026-11-28',
    totalReceivedFen: 1,
  });

  const rowsOf = async (prefix: string) => ({
    items: (
      await dataSource.query<{ id: string }[]>(
        `SELECT id FROM grouped_item WHERE id LIKE $1 || '%' ORDER BY id`,
        [prefix],
      )
    ).map((r) => r.id),
    audits: (
      await dataSource.query<{ entity_id: string }[]>(
        `SELECT entity_id FROM audit_log WHERE entity_id LIKE $1 || '%' ORDER BY entity_id`,
        [prefix],
      )
    ).map((r) => r.entity_id),
    events: (
      await dataSource.query<{ id: string }[]>(
        `SELECT envelope->'data'->>'receiptId' AS id FROM outbox WHERE envelope->'data'->>'receiptId' LIKE $1 || '%'
          ORDER BY 1`,
        [prefix],
      )
    ).map((r) => r.id),
  });

  const counter = async () =>
    Number(
      (await dataSource.query<{ n: number }[]>(`SELECT n FROM grouped_item WHERE id = '#counter'`))[0]!.n,
    );

  it('shares one transaction among concurrent calls and answers each only after the commit', async () => {
    const before = await counter();
    const seenCommitted: boolean[] = [];
    const ids = Array.from({ length: 8 }, (_, i) => `a${i}`);
    await Promise.all(
      ids.map((id) =>
        unitOfWork.runGrouped(insert(id)).then(async (value) => {
          expect(value).toBe(id);
          // read on another connection: what the caller was told is already committed
          const [row] = await dataSource.query<unknown[]>('SELECT 1 FROM grouped_item WHERE id = $1', [id]);
          seenCommitted.push(row !== undefined);
        }),
      ),
    );
    expect(seenCommitted).toEqual(ids.map(() => true));
    expect(await rowsOf('a')).toEqual({ items: ids, audits: ids, events: ids });
    expect(await counter()).toBe(before + 8);
    // one commit for all: the members' transaction ids are one
    const xids = await dataSource.query<{ x: string }[]>(
      `SELECT DISTINCT xmin::text AS x FROM audit_log WHERE entity_id LIKE 'a%'`,
    );
    expect(xids).toHaveLength(1);
    expect(committed.map((e) => (e.data as { receiptId: string }).receiptId).sort()).toEqual(ids);
  });

  it('refuses a failing member alone: nothing of it remains, the others commit', async () => {
    const before = await counter();
    const results = await Promise.allSettled([
      unitOfWork.runGrouped(insert('b1')),
      unitOfWork.runGrouped(insert('b2', 'after-insert')),
      unitOfWork.runGrouped(insert('b3')),
      // a database error (unique violation) inside a member
      unitOfWork.runGrouped(insert('b4', 'duplicate')),
      unitOfWork.runGrouped(insert('b5')),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('b2 refused');
    expect((results[3] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    const kept = ['b1', 'b3', 'b5'];
    expect(await rowsOf('b')).toEqual({ items: kept, audits: kept, events: kept });
    // the refused members' deferred writes went with them
    expect(await counter()).toBe(before + 3);
    expect(committed.map((e) => (e.data as { receiptId: string }).receiptId).sort()).toEqual(kept);
  });

  it('runs each member alone when PostgreSQL refuses the batch as a whole (deadlock, serialization)', async () => {
    let tries = 0;
    const flaky = async (tx: Transaction): Promise<string> => {
      tries++;
      await insert('c2')(tx);
      // as a deadlock would, the first time only
      if (tries === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'c2';
    };
    const results = await Promise.all([
      unitOfWork.runGrouped(insert('c1')),
      unitOfWork.runGrouped(flaky),
      unitOfWork.runGrouped(insert('c3')),
    ]);
    expect(results).toEqual(['c1', 'c2', 'c3']);
    expect(await rowsOf('c')).toEqual({
      items: ['c1', 'c2', 'c3'],
      audits: ['c1', 'c2', 'c3'],
      events: ['c1', 'c2', 'c3'],
    });
  });

  it("runs each member in its caller's context (actor, correlation id)", async () => {
    const actor = { id: 'u-1', username: 'clerk-one', roles: [], courtCode: COURT };
    await Promise.all([
      runInContext({ correlationId: 'corr-d1', actor }, () => unitOfWork.runGrouped(insert('d1'))),
      runInContext({ correlationId: 'corr-d2' }, () => unitOfWork.runGrouped(insert('d2'))),
    ]);
    const rows = await dataSource.query<{ entity_id: string; actor_name: string; correlation_id: string }[]>(
      `SELECT entity_id, actor_name, correlation_id FROM audit_log WHERE entity_id LIKE 'd%' ORDER BY entity_id`,
    );
    expect(rows).toEqual([
      { entity_id: 'd1', actor_name: 'clerk-one', correlation_id: 'corr-d1' },
      { entity_id: 'd2', actor_name: 'platform-test', correlation_id: 'corr-d2' },
    ]);
  });

  /** rows gathered from the members and written in one statement, with one event each */
  class GatheredItems implements GatheredWrite {
    static flushes: string[][] = [];
    private readonly ids: string[] = [];
    add(id: string): { written: () => boolean } {
      this.ids.push(id);
      let written = false;
      this.done.push(() => (written = true));
      return { written: () => written };
    }
    private readonly done: (() => void)[] = [];
    async flush(tx: Transaction): Promise<void> {
      GatheredItems.flushes.push([...this.ids]);
      await tx.manager.query('INSERT INTO grouped_item (id, n) SELECT unnest($1::text[]), 1', [this.ids]);
      for (const id of this.ids)
        await tx.emit(Events.LedgerMoneyReceived, received(id), { courtCode: COURT });
      this.done.forEach((mark) => mark());
    }
  }
  const gathered = (id: string) => async (tx: Transaction) =>
    tx.gather(GatheredItems, () => new GatheredItems()).add(id);

  it('writes what members gather once for the batch, before its events, and answers each after the commit', async () => {
    GatheredItems.flushes = [];
    const ids = ['e1', 'e2', 'e3', 'e4'];
    const handles = await Promise.all(ids.map((id) => unitOfWork.runGrouped(gathered(id))));
    expect(handles.map((h) => h.written())).toEqual([true, true, true, true]);
    expect(GatheredItems.flushes).toEqual([ids]);
    expect(await rowsOf('e')).toEqual({ items: ids, audits: [], events: ids });
    expect(committed.map((e) => (e.data as { receiptId: string }).receiptId).sort()).toEqual(ids);
    // a transaction of its own gathers and writes the same way
    const alone = await unitOfWork.run(gathered('e5'));
    expect(alone.written()).toBe(true);
    expect((await rowsOf('e5')).items).toEqual(['e5']);
  });

  it('runs each member alone when the gathered write fails for the batch', async () => {
    GatheredItems.flushes = [];
    await dataSource.query(`INSERT INTO grouped_item (id, n) VALUES ('f2', 1)`);
    const results = await Promise.allSettled(
      ['f1', 'f2', 'f3'].map((id) => unitOfWork.runGrouped(gathered(id))),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23505' });
    // the batch's write failed whole; then each alone
    expect(GatheredItems.flushes[0]).toEqual(['f1', 'f2', 'f3']);
    expect(GatheredItems.flushes.slice(1).sort()).toEqual([['f1'], ['f2'], ['f3']]);
    expect(await rowsOf('f')).toEqual({ items: ['f1', 'f2', 'f3'], audits: [], events: ['f1', 'f3'] });
  });
});
