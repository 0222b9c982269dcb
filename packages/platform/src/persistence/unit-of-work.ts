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
  ) {}

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

  /** Writes the deferred writes, events and audit entries; the unit of work calls it before commit. */
  async flush(): Promise<void> {
    const events = this.events.splice(0);
    const audits = this.auditRows.splice(0);
    const deferred = this.deferred.splice(0);
    this.flushed.push(...events);
    if (!events.length && !audits.length && !deferred.length) return;
    const values: unknown[] = [];
    const parts: string[] = [];
    for (const write of deferred) {
      const offset = values.length;
      values.push(...write.params);
      parts.push(write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    }
    const tuples = (rows: unknown[][]): string =>
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
    await this.manager.query(sql, values);
  }
}

/** Runs use cases in one transaction each and hands the relay the events of every commit. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly service: string,
    /** told about the events each commit wrote, so they can leave at once */
    private readonly afterCommit: (events: readonly EventEnvelope[]) => void,
  ) {}

  /** For reads outside any transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let written: readonly EventEnvelope[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new Transaction(manager, this.clock, this.service);
      const value = await work(tx);
      await tx.flush();
      written = tx.flushed;
      return value;
    });
    if (written.length) this.afterCommit(written);
    return result;
  }
}
