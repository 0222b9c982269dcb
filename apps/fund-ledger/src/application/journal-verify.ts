import { Injectable } from '@nestjs/common';
import type { VerifyJournalReply } from '@writ/contracts';
import { DataSource } from 'typeorm';
import { ChainVerifier } from '../domain/journal.js';
import { JournalRepository } from '../persistence/journal.repository.js';

const PAGE = 2_000;

/**
 * `ledger.journal.verify`: recomputes every transaction's content hash from its rows and walks the chain
 * in chain order, then checks the content of what is not sealed yet; reports the first broken link.
 * Reads in one REPEATABLE READ snapshot, so a seal running meanwhile does not shift the pages.
 */
@Injectable()
export class JournalVerify {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: JournalRepository,
  ) {}

  async verify(): Promise<VerifyJournalReply> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const verifier = new ChainVerifier();
      for (const sealed of [true, false]) {
        let after = '0';
        for (;;) {
          const page = await this.repository.storedPage(manager, sealed, after, PAGE);
          for (const tx of page) if (!verifier.next(tx)) return this.reply(verifier);
          if (page.length < PAGE) break;
          after = page[page.length - 1]!.cursor;
        }
      }
      return this.reply(verifier);
    });
  }

  private reply(verifier: ChainVerifier): VerifyJournalReply {
    return {
      ok: verifier.ok,
      sealed: verifier.sealed,
      unsealedContentOk: verifier.unsealedContentOk,
      ...(verifier.firstBroken ? { firstBroken: verifier.firstBroken } : {}),
    };
  }
}
