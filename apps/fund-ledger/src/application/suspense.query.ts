import { Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type Actor,
  type ListSuspenseReply,
  type SuspenseReceiptView,
} from '@writ/contracts';
import { UnitOfWork } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import { suspenseStanding, type SuspenseStanding } from '../domain/suspense.js';
import { FundOfficeRepository, type SuspenseReceiptRow } from '../persistence/fund-office.repository.js';
import { requireMoneyRole } from './ledger-access.js';

/**
 * 待认领款: the court's money that came with no case (SUSPENSE_RECEIPT) and is not yet matched to one in
 * full, each receipt with what is left — read from the journal and the claims of 认领 at one moment.
 */
@Injectable()
export class SuspenseQuery {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly office: FundOfficeRepository,
  ) {}

  async list(actor: Actor): Promise<ListSuspenseReply> {
    requireMoneyRole(actor, 'unmatched receipts');
    const standing = await this.standing(this.unitOfWork.manager, actor.courtCode);
    const items = standing.filter(({ s }) => s.remainingFen > 0).map(({ row, s }) => viewOf(row, s));
    return { items, totalRemainingFen: items.reduce((sum, item) => sum + item.remainingFen, 0) };
  }

  /** The receipt of the court, still standing (not reversed), with what is left of it; NOT_FOUND otherwise. */
  async receipt(manager: EntityManager, courtCode: string, id: string): Promise<SuspenseStanding> {
    const found = (await this.standing(manager, courtCode)).find(({ row }) => row.id === id);
    if (!found) {
      const message = 'not an unmatched receipt of this court, or it was reversed';
      throw new CodedError(ErrorCode.NotFound, `no unmatched receipt ${id} standing at this court`, {
        errors: [{ field: 'suspenseTransactionId', rule: 'suspenseReceiptOfCourt', message }],
      });
    }
    return found.s;
  }

  private async standing(
    manager: EntityManager,
    courtCode: string,
  ): Promise<{ row: SuspenseReceiptRow; s: SuspenseStanding }[]> {
    const book = await this.office.suspenseBook(manager, courtCode);
    const standing = suspenseStanding(
      book.receipts.map((r) => ({ id: r.id, amountFen: r.amountFen })),
      book.matches,
    );
    return book.receipts.map((row, i) => ({ row, s: standing[i]! }));
  }
}

function viewOf(row: SuspenseReceiptRow, s: SuspenseStanding): SuspenseReceiptView {
  return {
    transactionId: row.id,
    seq: row.seq,
    receivedOn: row.receivedOn,
    amountFen: row.amountFen,
    matchedFen: s.namedFen + s.assumedFen,
    remainingFen: s.remainingFen,
    ...(row.memo ? { memo: row.memo } : {}),
    postedAt: row.postedAt.toISOString(),
    postedBy: row.postedBy,
  };
}
