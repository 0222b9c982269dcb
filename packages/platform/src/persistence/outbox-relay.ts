import type { Clock, EventEnvelope } from '@writ/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MessageBus } from '../bus/message-bus.js';

interface OutboxRow {
  seq: string;
  id: string;
  envelope: EventEnvelope;
}

export interface OutboxRelayOptions {
  /** how often the safety net looks for events nobody published */
  pollMs?: number;
  batchSize?: number;
  /** events committed within this window leave together */
  coalesceMs?: number;
  /** how often published events are marked, all in one statement */
  markEveryMs?: number;
}

/**
 * Moves committed events from the outbox to the bus, two ways:
 *
 * - the fast path: the unit of work hands over the events it has just committed; they are published
 *   straight away (in order, concurrently) and marked published with one UPDATE;
 * - the safety net: a timer claims whatever is still unpublished — an event whose process died after
 *   commit, or whose publish failed while the broker was away — with SKIP LOCKED, so replicas never
 *   publish the same row at once.
 *
 * A row can still be published twice (the two paths, or a crash between publish and marking); the
 * broker drops a re-publish of the same event id, and consumers' inboxes skip what they have handled.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private soon?: NodeJS.Timeout;
  private markSoon?: NodeJS.Timeout;
  private toMark: string[] = [];
  private sweeping?: Promise<void>;
  private readonly publishing = new Set<Promise<void>>();
  private fresh: EventEnvelope[] = [];
  /** ids the fast path is publishing now; the safety net leaves them alone */
  private readonly inFlight = new Set<string>();
  private stopped = true;
  private failures = 0;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly coalesceMs: number;
  private readonly markEveryMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.batchSize = options.batchSize ?? 100;
    this.coalesceMs = options.coalesceMs ?? 2;
    this.markEveryMs = options.markEveryMs ?? 50;
  }

  start(): void {
    this.stopped = false;
    this.scheduleSweep(0);
  }

  /** Called after a commit with the events it wrote. */
  committed(events: readonly EventEnvelope[]): void {
    if (this.stopped || !events.length) return;
    for (const event of events) this.inFlight.add(event.id);
    this.fresh.push(...events);
    this.soon ??= setTimeout(() => {
      this.soon = undefined;
      const batch = this.fresh;
      this.fresh = [];
      const run = this.publishFresh(batch).finally(() => this.publishing.delete(run));
      this.publishing.add(run);
    }, this.coalesceMs);
  }

  private async publishFresh(batch: EventEnvelope[]): Promise<void> {
    const results = await Promise.allSettled(batch.map((event) => this.bus.publish(event)));
    // only the unbroken run of successes is marked: a failed event and those after it stay in order
    // for the safety net
    const firstFailure = results.findIndex((r) => r.status === 'rejected');
    const published = firstFailure === -1 ? batch : batch.slice(0, firstFailure);
    for (const event of batch.slice(published.length)) this.inFlight.delete(event.id);
    if (firstFailure !== -1) {
      const reason = (results[firstFailure] as PromiseRejectedResult).reason as Error;
      this.logger.warn({ err: reason }, 'publishing a committed event failed; the outbox keeps it');
      this.scheduleSweep(250);
    }
    this.toMark.push(...published.map((e) => e.id));
    this.markSoon ??= setTimeout(() => {
      this.markSoon = undefined;
      const marking = this.markPublished().finally(() => this.publishing.delete(marking));
      this.publishing.add(marking);
    }, this.markEveryMs);
  }

  /**
   * Marks published events in one UPDATE every few milliseconds rather than one per batch: each UPDATE
   * is a commit the database must flush, competing with the services' own. A mark lost in a crash only
   * means the event is published again, which the broker drops.
   */
  private async markPublished(): Promise<void> {
    const ids = this.toMark;
    this.toMark = [];
    if (!ids.length) return;
    try {
      await this.dataSource.query(
        'UPDATE outbox SET published_at = $2 WHERE id = ANY($1::uuid[]) AND published_at IS NULL',
        [ids, this.clock.now().toISOString()],
      );
    } catch (error) {
      this.logger.warn(
        { err: error },
        'could not mark events published; the safety net will publish them again',
      );
    } finally {
      for (const id of ids) this.inFlight.delete(id);
    }
  }

  private scheduleSweep(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.sweep(), delay);
    this.timer.unref?.();
  }

  private sweep(): void {
    if (this.stopped || this.sweeping) return;
    this.sweeping = this.relayPending()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures++;
        this.logger.warn({ err: error, failures: this.failures }, 'outbox relay failed; will retry');
      })
      .finally(() => {
        this.sweeping = undefined;
        this.scheduleSweep(this.failures ? Math.min(30_000, 250 * 2 ** this.failures) : this.pollMs);
      });
  }

  /** The safety net: publishes everything unpublished, oldest first; returns how many left. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent < this.batchSize) return total;
    }
  }

  private async relayBatch(): Promise<number> {
    // the failure is thrown after commit, so the attempt count and the rows already sent are kept
    const { count, failure } = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT seq, id, envelope FROM outbox WHERE published_at IS NULL AND NOT (id = ANY($2::uuid[]))
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize, [...this.inFlight]],
      );
      const published: string[] = [];
      let failure: unknown = undefined;
      for (const row of rows) {
        try {
          await this.bus.publish(row.envelope);
          published.push(row.seq);
        } catch (error) {
          failure = error;
          await manager.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1', [
            row.seq,
            String((error as Error).message ?? error).slice(0, 500),
          ]);
          break;
        }
      }
      if (published.length) {
        await manager.query('UPDATE outbox SET published_at = $2 WHERE seq = ANY($1::bigint[])', [
          published,
          this.clock.now().toISOString(),
        ]);
      }
      return { count: rows.length, failure };
    });
    if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
    return count;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    return row?.n ?? 0;
  }

  /** Stops both paths, letting what is being published finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.soon) {
      clearTimeout(this.soon);
      this.soon = undefined;
      const batch = this.fresh;
      this.fresh = [];
      // the outbox keeps them; the next start's safety net publishes them
      for (const event of batch) this.inFlight.delete(event.id);
    }
    await Promise.allSettled([...this.publishing]);
    if (this.markSoon) {
      clearTimeout(this.markSoon);
      this.markSoon = undefined;
    }
    await this.markPublished();
    await this.sweeping;
  }
}
