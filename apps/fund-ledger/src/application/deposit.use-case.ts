import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  Events,
  executionFeeFen,
  requireCourtStaff,
  shanghaiDateOf,
  type Actor,
  type ApplyForfeitedDepositCommand,
  type AuctionLotSoldV1,
  type Clock,
  type DepositView,
  type EventEnvelope,
  type ForfeitApplicationView,
  type ForfeitDepositCommand,
  type HoldDepositCommand,
  type ListDepositsReply,
  type ListLotDepositsQuery,
  type ListOverdueRefundsQuery,
  type RefundDepositCommand,
  type SettleLotDepositsCommand,
} from '@writ/contracts';
import { CLOCK, Inbox, UnitOfWork, type Transaction } from '@writ/platform';
import {
  applyForfeitedDeposit,
  assertDepositStatus,
  isRefundOverdue,
  refundDeadline,
  settleAuction,
} from '../domain/bidder-deposit.js';
import { FlowsRepository, type DepositRow } from '../persistence/flows.repository.js';
import { CaseDirectory } from './case-directory.js';
import { commandHash, keyReused, notFound } from './flows-support.js';
import { Accounts, Journal, TransactionKind } from './journal.js';
import { requireMoneyRole } from './ledger-access.js';

/**
 * 竞买保证金 (网络司法拍卖规定 2016 Arts 17, 23, 24): held in the dedicated account per lot and bidder,
 * the losers' refunded within 24 hours of the end of bidding (deadline kept, lateness listed), the
 * winner's applied to the price, a defaulting buyer's forfeited and, after the resale, applied to the
 * costs, the shortfall and the debt in that order.
 */
@Injectable()
export class DepositUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly flows: FlowsRepository,
    private readonly journal: Journal,
    private readonly directory: CaseDirectory,
    private readonly inbox: Inbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async hold(command: HoldDepositCommand, actor: Actor): Promise<DepositView> {
    requireMoneyRole(actor, 'bidder deposits');
    const c = await this.directory.ofCourt(command.caseId, actor);
    const hash = commandHash(command);
    const earlier = await this.flows.depositByKey(this.unitOfWork.manager, command.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== hash) throw keyReused(command.idempotencyKey);
      return { ...this.view(earlier), replayed: true };
    }
    return this.unitOfWork.run(async (tx) => {
      if (await this.flows.depositOfBidder(tx.manager, command.lotId, command.bidderId)) {
        const message = `bidder ${command.bidderId} already has a deposit for lot ${command.lotId}`;
        throw new CodedError(ErrorCode.InvalidState, message, {
          rule: 'ONE_DEPOSIT_PER_BIDDER',
          errors: [{ field: 'bidderId', rule: 'ONE_DEPOSIT_PER_BIDDER', message }],
        });
      }
      const row: DepositRow = {
        id: randomUUID(),
        courtCode: c.courtCode,
        caseId: c.caseId,
        lotId: command.lotId,
        bidderId: command.bidderId,
        bidderName: command.bidderName,
        amountFen: command.amountFen,
        status: 'HELD',
        idempotencyKey: command.idempotencyKey,
        requestHash: hash,
        heldAt: this.clock.now(),
        auctionEndedAt: null,
        refundDueAt: null,
        refundedAt: null,
      };
      await this.journal.post(tx, {
        idempotencyKey: `deposit:${row.id}:held`,
        kind: TransactionKind.DepositHeld,
        courtCode: c.courtCode,
        caseId: c.caseId,
        memo: `竞买保证金 ${command.lotId} ${command.bidderName}`,
        lines: [
          { account: Accounts.dedicated(c.courtCode), amountFen: command.amountFen },
          {
            account: Accounts.deposit(c.courtCode, command.lotId, command.bidderId),
            amountFen: -command.amountFen,
          },
        ],
        content: { depositId: row.id },
        actor,
      });
      await this.flows.insertDeposit(tx.manager, row);
      await tx.audit({
        action: 'ledger.deposit.hold',
        entityType: 'bidder_deposit',
        entityId: row.id,
        courtCode: c.courtCode,
        after: { lotId: row.lotId, bidderId: row.bidderId, amountFen: row.amountFen },
        actor,
      });
      return this.view(row);
    });
  }

  async settle(command: SettleLotDepositsCommand, actor: Actor): Promise<ListDepositsReply> {
    requireMoneyRole(actor, 'bidder deposits');
    await this.unitOfWork.run(async (tx) => {
      const deposits = await this.flows.depositsOfLot(tx.manager, command.lotId, true);
      if (!deposits.length || deposits[0]!.courtCode !== actor.courtCode) {
        throw notFound('lot with deposits', command.lotId, 'lotId');
      }
      await this.settleIn(tx, deposits, new Date(command.endedAt), command.winnerBidderId ?? null, actor);
    });
    return this.list({ lotId: command.lotId }, actor);
  }

  /** `auction.lot.sold` naming the winner and the end of bidding: settled as the command would. */
  async lotSold(envelope: EventEnvelope<AuctionLotSoldV1>): Promise<void> {
    const e = envelope.data;
    if (!e.winnerBidderId || !e.biddingEndedAt) return; // the auction stage does not name them yet
    await this.inbox.handleOnce('fund-ledger.flows.lot-sold', envelope, async (tx) => {
      const deposits = await this.flows.depositsOfLot(tx.manager, e.lotId, true);
      if (deposits.length)
        await this.settleIn(tx, deposits, new Date(e.biddingEndedAt!), e.winnerBidderId!, envelope.actor);
    });
  }

  private async settleIn(
    tx: Transaction,
    deposits: DepositRow[],
    endedAt: Date,
    winner: string | null,
    actor: Actor,
  ): Promise<void> {
    const { apply, refund } = settleAuction(deposits, winner);
    const due = refundDeadline(endedAt);
    for (const d of refund) {
      await this.flows.setDeposit(tx.manager, d.id, {
        status: 'REFUND_DUE',
        auctionEndedAt: endedAt,
        refundDueAt: due,
      });
    }
    for (const d of apply) {
      // the winner's deposit counts against the price: money of the case from now (Art 23)
      const posted = await this.journal.post(tx, {
        idempotencyKey: `deposit:${d.id}:applied`,
        kind: TransactionKind.DepositApplied,
        courtCode: d.courtCode,
        caseId: d.caseId,
        memo: `保证金抵价款 ${d.lotId} ${d.bidderName}`,
        lines: [
          { account: Accounts.deposit(d.courtCode, d.lotId, d.bidderId), amountFen: d.amountFen },
          { account: Accounts.caseAccount(d.courtCode, d.caseId), amountFen: -d.amountFen },
        ],
        content: { depositId: d.id },
        actor,
      });
      await this.flows.setDeposit(tx.manager, d.id, { status: 'APPLIED', auctionEndedAt: endedAt });
      await this.received(tx, d.caseId, d.courtCode, posted.transactionId, d.amountFen, actor);
    }
    await tx.audit({
      action: 'ledger.deposit.settle',
      entityType: 'lot',
      entityId: deposits[0]!.lotId,
      courtCode: deposits[0]!.courtCode,
      after: {
        endedAt: endedAt.toISOString(),
        winner,
        applied: apply.map((d) => d.id),
        refundDue: refund.map((d) => d.id),
        refundDueAt: due.toISOString(),
      },
      actor,
    });
  }

  async refund(command: RefundDepositCommand, actor: Actor): Promise<DepositView> {
    requireMoneyRole(actor, 'bidder deposits');
    return this.unitOfWork.run(async (tx) => {
      const d = await this.flows.deposit(tx.manager, command.depositId, true);
      if (!d || d.courtCode !== actor.courtCode) throw notFound('deposit', command.depositId, 'depositId');
      if (d.status === 'REFUNDED') return { ...this.view(d), replayed: true };
      // a refund before the end of bidding is a bidder withdrawing: allowed from HELD too
      assertDepositStatus(d, ['HELD', 'REFUND_DUE'], 'refund');
      await this.journal.post(tx, {
        idempotencyKey: `deposit:${d.id}:refunded`,
        kind: TransactionKind.DepositRefunded,
        courtCode: d.courtCode,
        caseId: d.caseId,
        memo: `退还保证金 ${d.lotId} ${d.bidderName}`,
        lines: [
          { account: Accounts.deposit(d.courtCode, d.lotId, d.bidderId), amountFen: d.amountFen },
          { account: Accounts.dedicated(d.courtCode), amountFen: -d.amountFen },
        ],
        content: { depositId: d.id },
        actor,
      });
      const now = this.clock.now();
      await this.flows.setDeposit(tx.manager, d.id, {
        status: 'REFUNDED',
        refundedAt: now,
        bankSerial: command.bankSerial ?? null,
      });
      await tx.audit({
        action: 'ledger.deposit.refund',
        entityType: 'bidder_deposit',
        entityId: d.id,
        courtCode: d.courtCode,
        before: { status: d.status, refundDueAt: d.refundDueAt?.toISOString() },
        after: { status: 'REFUNDED', late: d.refundDueAt !== null && now > d.refundDueAt },
        actor,
      });
      return this.view((await this.flows.deposit(tx.manager, d.id))!);
    });
  }

  async forfeit(command: ForfeitDepositCommand, actor: Actor): Promise<DepositView> {
    requireMoneyRole(actor, 'bidder deposits');
    return this.unitOfWork.run(async (tx) => {
      const found = await this.flows.depositOfBidder(tx.manager, command.lotId, command.bidderId);
      if (!found || found.courtCode !== actor.courtCode)
        throw notFound('deposit of bidder', command.bidderId, 'bidderId');
      const d = (await this.flows.deposit(tx.manager, found.id, true))!;
      if (d.status === 'FORFEITED') return { ...this.view(d), replayed: true };
      // the buyer's deposit, applied to the price at the end of bidding, or still held
      assertDepositStatus(d, ['HELD', 'APPLIED'], 'forfeit');
      const from =
        d.status === 'APPLIED'
          ? Accounts.caseAccount(d.courtCode, d.caseId)
          : Accounts.deposit(d.courtCode, d.lotId, d.bidderId);
      await this.journal.post(tx, {
        idempotencyKey: `deposit:${d.id}:forfeited`,
        kind: TransactionKind.DepositForfeited,
        courtCode: d.courtCode,
        caseId: d.caseId,
        memo: `悔拍没收保证金 ${d.lotId} ${d.bidderName}`,
        lines: [
          { account: from, amountFen: d.amountFen },
          { account: Accounts.forfeited(d.courtCode, d.lotId), amountFen: -d.amountFen },
        ],
        content: { depositId: d.id, reason: command.reason },
        actor,
      });
      if (d.status === 'APPLIED') await this.flows.addReceived(tx.manager, d.caseId, -d.amountFen);
      await this.flows.setDeposit(tx.manager, d.id, { status: 'FORFEITED', forfeitReason: command.reason });
      await tx.audit({
        action: 'ledger.deposit.forfeit',
        entityType: 'bidder_deposit',
        entityId: d.id,
        courtCode: d.courtCode,
        before: { status: d.status },
        after: { status: 'FORFEITED', reason: command.reason },
        actor,
      });
      return this.view((await this.flows.deposit(tx.manager, d.id))!);
    });
  }

  async applyForfeited(command: ApplyForfeitedDepositCommand, actor: Actor): Promise<ForfeitApplicationView> {
    requireMoneyRole(actor, 'bidder deposits');
    return this.unitOfWork.run(async (tx) => {
      const deposits = (await this.flows.depositsOfLot(tx.manager, command.lotId, true)).filter(
        (d) => d.status === 'FORFEITED',
      );
      if (!deposits.length || deposits[0]!.courtCode !== actor.courtCode) {
        throw notFound('forfeited deposit of lot', command.lotId, 'lotId');
      }
      const done = await this.flows.forfeitApplication(tx.manager, command.lotId);
      if (done) {
        throw new CodedError(
          ErrorCode.InvalidState,
          `the forfeited deposit of lot ${command.lotId} was applied already`,
          {
            rule: 'FORFEIT_APPLIED_ONCE',
          },
        );
      }
      const { courtCode, caseId } = deposits[0]!;
      const c = (await this.flows.flowCase(tx.manager, caseId, true))!;
      const forfeitedFen = deposits.reduce((s, d) => s + d.amountFen, 0);
      const debtOutstanding = Math.max(
        0,
        (c.claimFen ?? 0) + executionFeeFen(c.claimFen ?? 0) - c.receivedFen,
      );
      const split = applyForfeitedDeposit({
        forfeitedFen,
        resaleCostsFen: command.resaleCostsFen,
        originalPriceFen: command.originalPriceFen,
        resalePriceFen: command.resalePriceFen,
        debtOutstandingFen: debtOutstanding,
      });
      const toCase = split.shortfallFen + split.debtFen;
      const applied = split.costsFen + toCase;
      let transactionId = '';
      if (applied > 0) {
        const lines = [{ account: Accounts.forfeited(courtCode, command.lotId), amountFen: applied }];
        // the costs of the resale are the court's costs (执行费用): booked with the fees
        if (split.costsFen > 0) lines.push({ account: Accounts.fees(courtCode), amountFen: -split.costsFen });
        if (toCase > 0) lines.push({ account: Accounts.caseAccount(courtCode, caseId), amountFen: -toCase });
        const posted = await this.journal.post(tx, {
          idempotencyKey: `forfeit:${command.lotId}:applied`,
          kind: TransactionKind.ForfeitApplied,
          courtCode,
          caseId,
          memo: `没收保证金依次抵付费用、差价、债务 (网络司法拍卖规定 Art 24) ${command.lotId}`,
          lines,
          content: { ...split },
          actor,
        });
        transactionId = posted.transactionId;
        if (toCase > 0) await this.received(tx, caseId, courtCode, transactionId, toCase, actor);
      }
      await this.flows.insertForfeitApplication(tx.manager, {
        lotId: command.lotId,
        courtCode,
        caseId,
        forfeitedFen,
        ...split,
        transactionId: transactionId || randomUUID(),
        at: this.clock.now(),
      });
      await tx.audit({
        action: 'ledger.deposit.apply-forfeited',
        entityType: 'lot',
        entityId: command.lotId,
        courtCode,
        after: { ...command, forfeitedFen, ...split },
        actor,
      });
      return { lotId: command.lotId, forfeitedFen, ...split, transactionId };
    });
  }

  async list(query: ListLotDepositsQuery, actor: Actor): Promise<ListDepositsReply> {
    requireCourtStaff(actor, 'bidder deposits');
    const rows = (await this.flows.depositsOfLot(this.unitOfWork.manager, query.lotId)).filter(
      (d) => d.courtCode === actor.courtCode,
    );
    return { items: rows.map((d) => this.view(d)) };
  }

  async overdue(_query: ListOverdueRefundsQuery, actor: Actor): Promise<ListDepositsReply> {
    requireCourtStaff(actor, 'overdue refunds');
    const rows = await this.flows.overdueRefunds(this.unitOfWork.manager, actor.courtCode, this.clock.now());
    return { items: rows.map((d) => this.view(d)) };
  }

  /** Money that reaches the case by the auction: counted as received, told to the case stage. */
  private async received(
    tx: Transaction,
    caseId: string,
    courtCode: string,
    transactionId: string,
    amountFen: number,
    actor: Actor,
  ): Promise<void> {
    const total = await this.flows.addReceived(tx.manager, caseId, amountFen);
    await tx.emit(
      Events.LedgerMoneyReceived,
      {
        caseId,
        receiptId: transactionId,
        amountFen,
        source: 'AUCTION',
        receivedOn: shanghaiDateOf(this.clock.now()),
        totalReceivedFen: total,
      },
      { courtCode, actor },
    );
  }

  private view(d: DepositRow): DepositView {
    return {
      id: d.id,
      caseId: d.caseId,
      courtCode: d.courtCode,
      lotId: d.lotId,
      bidderId: d.bidderId,
      bidderName: d.bidderName,
      amountFen: d.amountFen,
      status: d.status,
      heldAt: d.heldAt.toISOString(),
      ...(d.auctionEndedAt ? { auctionEndedAt: d.auctionEndedAt.toISOString() } : {}),
      ...(d.refundDueAt ? { refundDueAt: d.refundDueAt.toISOString() } : {}),
      ...(d.refundedAt ? { refundedAt: d.refundedAt.toISOString() } : {}),
      overdue: isRefundOverdue(d, this.clock.now()),
    };
  }
}
