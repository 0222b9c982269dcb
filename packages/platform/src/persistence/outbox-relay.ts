import type { Clock, EventEnvelope } from '@writ/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { MessageBus } from '../bus/message-bus.js';

interface OutboxRow {
  seq: string;
  id: string;
  envelope: EventEnvelope;
}

/**
 * Moves committed events from the outbox to the bus. Woken after each commit and by a timer, so an
 * event written just before a crash or a broker outage still leaves once things are back. Rows are
 * claimed with SKIP LOCKED so replicas never publish the same row at once, and the broker drops a
 * re-publish of the same event id, so a crash between publish and marking does not duplicate it.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly pollMs = 1_000,
    private readonly batchSize = 100,
    /** commits arriving within this window leave in one pass: fewer relay transactions under load */
    private readonly coalesceMs = 5,
  ) {}

  private soon?: NodeJS.Timeout;

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runNow(), delay);
    this.timer.unref?.();
  }

  /** Relay soon: called after each commit; calls that arrive together are served by one pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.runNow();
    }, this.coalesceMs);
  }

  private runNow(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayPending()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures++;
        this.logger.warn({ err: error, failures: this.failures }, 'outbox relay failed; will retry');
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.schedule(this.failures ? Math.min(30_000, 250 * 2 ** this.failures) : this.pollMs);
        }
      });
  }

  /** Publishes everything pending, oldest first; returns how many left. */
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
        `SELECT seq, id, envelope FROM outbox WHERE published_at IS NULL
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
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

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.soon);
    await this.running;
  }
}
