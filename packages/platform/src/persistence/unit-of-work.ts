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
 * the audit entries all commit together or not at all.
 */
export class Transaction {
  readonly events: EventEnvelope[] = [];

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
    await this.manager.query('INSERT INTO outbox (id, type, envelope, created_at) VALUES ($1, $2, $3, $4)', [
      envelope.id,
      type,
      JSON.stringify(envelope),
      envelope.occurredAt,
    ]);
    this.events.push(envelope);
    return envelope;
  }

  /** Writes an audit entry in the same transaction as the change it describes. */
  async audit(entry: AuditEntry): Promise<void> {
    const actor = this.actor(entry.actor);
    await this.manager.query(
      `INSERT INTO audit_log (at, actor_id, actor_name, court_code, action, entity_type, entity_id, before, after, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }
}

/** Runs use cases in one transaction each and wakes the outbox relay after every commit that emitted. */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly service: string,
    private readonly afterCommit: () => void,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new Transaction(manager, this.clock, this.service);
      const value = await work(tx);
      emitted = tx.events.length > 0;
      return value;
    });
    if (emitted) this.afterCommit();
    return result;
  }
}
