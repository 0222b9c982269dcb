import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@writ/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { chainLink } from '../domain/journal.js';
import { FundLedgerConfig } from '../fund-ledger.config.js';
import { JournalRepository } from '../persistence/journal.repository.js';

/** One sealer at a time across all replicas (pg_try_advisory_xact_lock). */
const SEALER_LOCK = 51_100_501;

/**
 * Chains the journal after the fact (哈希链): takes committed, unsealed transactions in posting order in
 * batches and gives each the next chain position and the link sha256(previous link ‖ its content
 * hash). Posters never wait for a chain head; the chain's order is the order of sealing. Runs on a
 * timer and on request; a replica that finds another sealing skips its round.
 */
@Injectable()
export class JournalSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
    private readonly config: FundLedgerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SEALER_INTERVAL_MS > 0) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sealNow()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'sealing the journal failed; will retry'))
        .finally(() => this.schedule());
    }, this.config.SEALER_INTERVAL_MS);
    this.timer.unref?.();
  }

  /** Seals everything committed and unsealed now; returns how many were sealed (0 if another replica is at it). */
  async sealNow(): Promise<number> {
    // one round per process at a time: a caller queues behind the round in progress, then seals what is left
    const round = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.sealAll());
    this.running = round;
    try {
      return await round;
    } finally {
      if (this.running === round) this.running = undefined;
    }
  }

  private async sealAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.sealBatch();
      if (sealed === null) return total;
      total += sealed;
      if (sealed < this.config.SEALER_BATCH) return total;
    }
  }

  /** One batch in one transaction; null when another replica holds the sealer's lock. */
  private async sealBatch(): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<{ ok: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
        SEALER_LOCK,
      ]);
      if (!lock?.ok) return null;
      const batch = await this.repository.unsealed(manager, this.config.SEALER_BATCH);
      if (!batch.length) return 0;
      const head = await this.repository.chainHead(manager);
      let previous = head?.chainHash ?? null;
      let position = head?.chainSeq ?? 0n;
      const links = batch.map(({ id, contentHash }) => {
        position++;
        previous = chainLink(previous, contentHash);
        return { id, chainSeq: position, chainHash: previous };
      });
      await this.repository.seal(manager, links);
      return links.length;
    });
  }
}
