import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import {
  EventVersions,
  type Actor,
  type Clock,
  type EventContract,
  type EventEnvelope,
  type EventType,
} from '@writ/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { currentContext, newCorrelationId, serviceActor } from '../context.js';

/** One entry of the audit trail: who did what to which thing, and how it looked before and after. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  courtCode: string;
  before?: unknown;
  after?: unknown;
  actor?: Actor;
}

/**
 * Writes gathered from the members of one database transaction (a group-commit batch, or a transaction
 * of its own) and made once, before its events and audit entries are written: N members' rows in one
 * statement instead of N. A member adds its part as the last thing it does (a member refused after
 * adding would leave its part in) and learns its outcome once the batch has flushed; the flush may emit
 * events and audit entries on the transaction it is given.
 */
export interface GatheredWrite {
  flush(tx: Transaction): Promise<void>;
}

/** The gathered writes of one database transaction, by the key their users agree on. */
class GatheredWrites {
  private readonly writes = new Map<unknown, GatheredWrite>();

  of<G extends GatheredWrite>(key: unknown, create: () => G): G {
    let write = this.writes.get(key);
    if (!write) this.writes.set(key, (write = create()));
    return write as G;
  }

  /** Flushes each gathered write in the order first used; returns the transaction their events went to. */
  async flush(manager: EntityManager, clock: Clock, service: string): Promise<Transaction | null> {
    if (!this.writes.size) return null;
    const tx = new Transaction(manager, clock, service, this);
    for (const write of this.writes.values()) await write.flush(tx);
    this.writes.clear();
    return tx;
  }
}

/**
 * One database transaction of a use case. State changes, the events they cause (into the outbox) and
 * the audit entries all commit together or not at all. Events and audit entries are written in one
 * statement just before commit, so a use case that holds a lock pays one round trip for both.
 */
export class Transaction {
  /** events recorded and not yet written */
  readonly events: EventEnvelope[] = [];
  /** events written by this transaction */
  readonly flushed: EventEnvelope[] = [];
  private readonly auditRows: unknown[][] = [];
  private readonly deferred: { sql: string; params: unknown[] }[] = [];

  constructor(
    readonly manager: EntityManager,
    private readonly clock: Clock,
    private readonly service: string,
    private readonly gathered: GatheredWrites = new GatheredWrites(),
  ) {}

  /**
   * The write gathered under `key` in this database transaction — shared by every member of a
   * group-commit batch — created on first use; flushed once, after the members' work and before the
   * events and audit entries are written.
   */
  gather<G extends GatheredWrite>(key: unknown, create: () => G): G {
    return this.gathered.of(key, create);
  }

  private actor(explicit?: Actor): Actor {
    return explicit ?? currentContext()?.actor ?? serviceActor(this.service);
  }

  /** Records an event to be published after commit. */
  async emit<T extends EventType>(
    type: T,
    data: EventContract[T],
    meta: { courtCode: string; actor?: Actor },
  ): Promise<EventEnvelope<EventContract[T]>> {
    const context = currentContext();
    const envelope: EventEnvelope<EventContract[T]> = {
      id: randomUUID(),
      type,
      version: EventVersions[type],
      occurredAt: this.clock.now().toISOString(),
      correlationId: context?.correlationId ?? newCorrelationId(),
      ...(context?.causationId ? { causationId: context.causationId } : {}),
      actor: this.actor(meta.actor),
      courtCode: meta.courtCode,
      data,
    };
    this.events.push(envelope);
    return envelope;
  }

  /** Records an audit entry, written in the same transaction as the change it describes. */
  async audit(entry: AuditEntry): Promise<void> {
    const actor = this.actor(entry.actor);
    this.auditRows.push([
      this.clock.now().toISOString(),
      actor.id,
      actor.username,
      entry.courtCode,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      currentContext()?.correlationId ?? null,
    ]);
  }

  /**
   * Queues a write (INSERT or UPDATE, numbered $1…) to run with the outbox and audit rows in one
   * statement just before commit. For writes made while holding a hot lock: one round trip instead
   * of one each. A constraint violation surfaces from the unit of work as usual.
   */
  defer(sql: string, params: readonly unknown[]): void {
    this.deferred.push({ sql, params: [...params] });
  }

  /**
   * Writes the deferred writes, events and audit entries (with those of `alongside`); the unit of work
   * calls it before commit.
   */
  async flush(alongside: readonly Transaction[] = []): Promise<void> {
    await Transaction.write(
      this.manager,
      this.deferred.splice(0),
      Transaction.takeRecorded([this, ...alongside]),
    );
  }

  /**
   * A grouped member's end: its deferred writes now, inside its savepoint, since the members after it
   * in the batch read what it wrote; its events and audit entries wait for the batch's one write.
   */
  async flushDeferred(): Promise<void> {
    await Transaction.write(this.manager, this.deferred.splice(0), { events: [], audits: [] });
  }

  /** The events and audit entries of several transactions (one batch), taken for one write. */
  static takeRecorded(transactions: readonly Transaction[]): {
    events: EventEnvelope[];
    audits: unknown[][];
  } {
    const events: EventEnvelope[] = [];
    const audits: unknown[][] = [];
    for (const tx of transactions) {
      const taken = tx.events.splice(0);
      tx.flushed.push(...taken);
      events.push(...taken);
      audits.push(...tx.auditRows.splice(0));
    }
    return { events, audits };
  }

  /** Deferred writes, events and audit entries in one statement (data-modifying WITH parts). */
  static async write(
    manager: EntityManager,
    deferred: readonly { sql: string; params: unknown[] }[],
    { events, audits }: { events: readonly EventEnvelope[]; audits: readonly unknown[][] },
  ): Promise<void> {
    if (!events.length && !audits.length && !deferred.length) return;
    const values: unknown[] = [];
    const parts: string[] = [];
    for (const write of deferred) {
      const offset = values.length;
      values.push(...write.params);
      parts.push(write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    }
    const tuples = (rows: readonly unknown[][]): string =>
      rows
        .map((row) => {
          const start = values.length;
          values.push(...row);
          return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
        })
        .join(', ');
    if (events.length) {
      const rows = events.map((e) => [e.id, e.type, JSON.stringify(e), e.occurredAt]);
      parts.push(`INSERT INTO outbox (id, type, envelope, created_at) VALUES ${tuples(rows)}`);
    }
    if (audits.length) {
      parts.push(
        `INSERT INTO audit_log (at, actor_id, actor_name, court_code, action, entity_type, entity_id, before, after, correlation_id)
         VALUES ${tuples(audits)}`,
      );
    }
    // data-modifying WITH parts all run, in one statement; foreign keys are checked at its end
    const last = parts.pop()!;
    const sql = parts.length
      ? `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${last}`
      : last;
    await manager.query(sql, values);
  }
}

/** How `runGrouped` gathers calls into batches. */
export interface GroupCommitOptions {
  /** members of one batch at most (each is a subtransaction; PostgreSQL caches 64 per transaction) */
  maxBatch?: number;
  /** batches running at once; calls arriving while all are busy wait and form the next batch */
  maxBatches?: number;
  /** how long a call waits for companions when a batch could start at once (0: only those of the same tick) */
  gatherMs?: number;
}

interface Member {
  work: (tx: Transaction) => Promise<unknown>;
  /** what the work locks; a batch runs its members in this order */
  lockKey: string;
  /** the caller's async context (its actor and correlation id), in which its work runs */
  scope: AsyncResource;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

type Attempt =
  | { kind: 'committed'; outcomes: Outcome[]; written: readonly EventEnvelope[] }
  | { kind: 'member-failed' }
  | { kind: 'rolled-back' }
  | { kind: 'commit-unknown'; error: unknown };

/** A member threw in a batch run without savepoints: the batch is rolled back and run again with them. */
class MemberFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('a member of the batch failed');
  }
}

/** PostgreSQL's refusals that end a whole transaction, not one member's work: serialization, deadlock. */
const BATCH_FAILURES = new Set(['40001', '40P01']);

const isBatchFailure = (error: unknown): boolean =>
  BATCH_FAILURES.has((error as { code?: string } | undefined)?.code ?? '');

/** Runs use cases in one transaction each and hands the relay the events of every commit. */
export class UnitOfWork {
  private readonly queue: Member[] = [];
  private running = 0;
  private gathering = false;
  private readonly maxBatch: number;
  private readonly maxBatches: number;
  private readonly gatherMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly service: string,
    /** told about the events each commit wrote, so they can leave at once */
    private readonly afterCommit: (events: readonly EventEnvelope[]) => void,
    group: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.min(group.maxBatch ?? 32, 60);
    this.maxBatches = group.maxBatches ?? 4;
    this.gatherMs = group.gatherMs ?? 0;
  }

  /** For reads outside any transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs `work` in one transaction. A transaction PostgreSQL refuses as a whole (deadlock,
   * serialization failure) took no effect and is run again, twice at most, after a short random pause:
   * the caller sees only a refusal that repeats.
   */
  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (!isBatchFailure(error) || attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  private async runOnce<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let written: readonly EventEnvelope[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const gathered = new GatheredWrites();
      const tx = new Transaction(manager, this.clock, this.service, gathered);
      const value = await work(tx);
      const flushedBy = await gathered.flush(manager, this.clock, this.service);
      await tx.flush(flushedBy ? [flushedBy] : []);
      written = flushedBy ? [...tx.flushed, ...flushedBy.flushed] : tx.flushed;
      return value;
    });
    if (written.length) this.afterCommit(written);
    return result;
  }

  /**
   * Group commit: like `run`, but concurrent calls share ONE database transaction (one commit, one
   * flush of the WAL), each member inside its own SAVEPOINT. A member that throws is rolled back to
   * its savepoint and refused alone; the others commit. Every caller is answered after the COMMIT (or
   * the batch's failure). A batch PostgreSQL refuses as a whole (serialization failure, deadlock —
   * members of one batch hold each other's locks until its end) is rolled back and each member run
   * alone. Events and audit entries of the members that stand are written in one statement just
   * before the commit; deferred writes at the end of each member, as later members read them.
   *
   * For work that needs nothing from outside its transaction while it runs: members run one after the
   * other on the batch's connection, and a member's row locks are held until the batch commits.
   * `lockKey` names what the work locks (e.g. its case): a batch runs its members in key order, so
   * concurrent batches take their locks in one order and do not deadlock each other. Work that takes
   * locks beyond its key's (an advisory lock shared by many) does not belong here.
   */
  runGrouped<T>(work: (tx: Transaction) => Promise<T>, lockKey = ''): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        work,
        lockKey,
        scope: new AsyncResource('writ.unit-of-work.grouped'),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.startBatches();
    });
  }

  private startBatches(): void {
    if (this.gathering || this.running >= this.maxBatches || !this.queue.length) return;
    // the calls of this tick (or of the gather window) go together
    this.gathering = true;
    const start = (): void => {
      this.gathering = false;
      // the waiting calls shared out among the free batches: members of one batch run one after the
      // other, batches side by side
      const size = Math.min(this.maxBatch, Math.ceil(this.queue.length / (this.maxBatches - this.running)));
      while (this.running < this.maxBatches && this.queue.length) {
        const batch = this.queue.splice(0, size);
        this.running++;
        void this.runBatch(batch).finally(() => {
          this.running--;
          this.startBatches();
        });
      }
    };
    if (this.gatherMs > 0) setTimeout(start, this.gatherMs);
    else setImmediate(start);
  }

  private async runBatch(batch: Member[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    // every batch takes its locks in one order (outcomes below are matched by position after this)
    batch.sort((a, b) => (a.lockKey < b.lockKey ? -1 : a.lockKey > b.lockKey ? 1 : 0));
    // first without savepoints (one round trip less per member); a member that throws sends the whole
    // batch round again, this time each member inside its savepoint
    let attempt = await this.attempt(batch, false);
    if (attempt.kind === 'member-failed') attempt = await this.attempt(batch, true);
    switch (attempt.kind) {
      case 'committed':
        if (attempt.written.length) this.afterCommit(attempt.written);
        batch.forEach((member, i) => {
          const outcome = attempt.outcomes[i]!;
          if (outcome.ok) member.resolve(outcome.value);
          else member.reject(outcome.error);
        });
        return;
      case 'commit-unknown':
        // whether the COMMIT took is unknown: every caller hears it, as from `run`
        for (const member of batch) member.reject(attempt.error);
        return;
      case 'member-failed':
      case 'rolled-back':
        // rolled back as a whole, nothing of it stands: each member again, alone
        await Promise.all(batch.map((member) => this.runAlone(member)));
    }
  }

  /** One try at a batch in one transaction; members answered by the caller once it is settled. */
  private async attempt(batch: Member[], savepoints: boolean): Promise<Attempt> {
    const outcomes: Outcome[] = [];
    let written: readonly EventEnvelope[] = [];
    let committing = false;
    try {
      await this.dataSource.transaction(async (manager) => {
        const members: Transaction[] = [];
        const gathered = new GatheredWrites();
        for (const member of batch) {
          const tx = new Transaction(manager, this.clock, this.service, gathered);
          if (savepoints) await manager.query('SAVEPOINT writ_member');
          try {
            const value = await member.scope.runInAsyncScope(() => member.work(tx));
            await tx.flushDeferred();
            members.push(tx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (!savepoints || isBatchFailure(error)) throw savepoints ? error : new MemberFailed(error);
            // its writes go; its events and audit entries were never written
            await manager.query('ROLLBACK TO SAVEPOINT writ_member');
            outcomes.push({ ok: false, error });
          }
        }
        // a gathered write that fails fails the batch: it is rolled back and each member run alone
        const flushedBy = await gathered.flush(manager, this.clock, this.service);
        if (flushedBy) members.push(flushedBy);
        await Transaction.write(manager, [], Transaction.takeRecorded(members));
        written = members.flatMap((tx) => tx.flushed);
        committing = true;
      });
    } catch (error) {
      if (error instanceof MemberFailed)
        return isBatchFailure(error.cause) ? { kind: 'rolled-back' } : { kind: 'member-failed' };
      if (committing && !isBatchFailure(error)) return { kind: 'commit-unknown', error };
      return { kind: 'rolled-back' };
    }
    return { kind: 'committed', outcomes, written };
  }

  private async runAlone(member: Member): Promise<void> {
    try {
      member.resolve(await member.scope.runInAsyncScope(() => this.run(member.work)));
    } catch (error) {
      member.reject(error);
    }
  }
}
