import type { EventEnvelope } from '@writ/contracts';
import type { Transaction, UnitOfWork } from './unit-of-work.js';

/**
 * Handles each event at most once per consumer: the inbox row and the handler's changes commit in
 * one transaction, so a redelivered event finds its row and is skipped.
 */
export class Inbox {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: { now(): Date },
  ) {}

  /**
   * Returns false when this consumer had already handled the event. `grouped`: the unit of work's
   * group commit (`runGrouped`, with `lockKey`), for handlers that need nothing from outside the
   * transaction.
   */
  async handleOnce(
    consumer: string,
    envelope: EventEnvelope,
    work: (tx: Transaction) => Promise<void>,
    options: { grouped?: boolean; lockKey?: string } = {},
  ): Promise<boolean> {
    const run = <T>(w: (tx: Transaction) => Promise<T>): Promise<T> =>
      options.grouped ? this.unitOfWork.runGrouped(w, options.lockKey) : this.unitOfWork.run(w);
    return run(async (tx) => {
      const inserted = await tx.manager.query<unknown[]>(
        `INSERT INTO inbox (consumer, event_id, event_type, handled_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, envelope.id, envelope.type, this.clock.now().toISOString()],
      );
      if (!inserted.length) return false;
      await work(tx);
      return true;
    });
  }
}
