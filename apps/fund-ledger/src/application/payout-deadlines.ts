import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  Events,
  executionFeeFen,
  requireCourtStaff,
  shanghaiDateOf,
  type Actor,
  type Clock,
  type ListOverduePayoutsQuery,
  type ListPayoutDeadlinesQuery,
  type PayoutDeadlinesReply,
  type ScanPayoutDeadlinesReply,
} from '@writ/contracts';
import { CLOCK, LOGGER, UnitOfWork } from '@writ/platform';
import type { Logger } from 'pino';
import {
  deadlineState,
  payoutDeadlineDays,
  unpaidReceipts,
  type ReceiptDue,
} from '../domain/payout-deadline.js';
import { owedOnCase } from '../domain/payout.js';
import { FlowsRepository } from '../persistence/flows.repository.js';
import { deadlineDaysByProvince, FlowsConfig } from './flows-config.js';
import { CaseMoneyParts } from './ledger-query.js';

/**
 * The 30-day rule (执行款物管理规定 2017): each receipt's deadline, the overdue report the seed court's
 * audit asks for ("funds unpaid > 30 days"), and a timer that raises `ledger.payout.due-soon` once per
 * receipt `PAYOUT_ALERT_DAYS` before its deadline. The alert is a ledger event (not case-intake's
 * `case.alert.raised`: that is case-intake's to raise) and a row the UI can read through
 * `ledger.payout.deadlines`. The case's money panel (`ledger.case.summary`) gets what is owed and the
 * case's deadlines from here.
 */
@Injectable()
export class PayoutDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly flows: FlowsRepository,
    private readonly config: FlowsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    parts: CaseMoneyParts,
  ) {
    parts.register(async (manager, ledgerCase, view) => {
      const dues = await this.dues(ledgerCase.courtCode, shanghaiDateOf(this.clock.now()), ledgerCase.caseId);
      const deadlines = { deadlineDays: dues.deadlineDays, deadlines: dues.items };
      const c = await this.flows.flowCase(manager, ledgerCase.caseId);
      const claimFen = c?.claimFen ?? ledgerCase.claimFen;
      // a case known only from a deduction has no claim yet: nothing to say it owes
      if (claimFen === null) return deadlines;
      // the fee as payouts settle it (诉讼费用交纳办法 Art 14), so the panel and the payout agree
      const feeDueFen = executionFeeFen(claimFen);
      const owed = owedOnCase({
        claimFen,
        feeDueFen,
        feeSettledFen: c?.feeSettledFen ?? 0,
        paidToCreditorsFen: view.paidFen,
      });
      return { ...deadlines, ...owed, feeDueFen };
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.PAYOUT_ALERT_SCAN_MS > 0) this.schedule();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.scanAll()
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'payout deadline scan failed; will retry'),
        )
        .finally(() => this.schedule());
    }, this.config.PAYOUT_ALERT_SCAN_MS);
    this.timer.unref?.();
  }

  async list(query: ListPayoutDeadlinesQuery, actor: Actor): Promise<PayoutDeadlinesReply> {
    requireCourtStaff(actor, 'payout deadlines');
    const reply = await this.dues(actor.courtCode, shanghaiDateOf(this.clock.now()), query.caseId);
    const items = query.state ? reply.items.filter((i) => i.state === query.state) : reply.items;
    return { ...reply, items, totalUnpaidFen: items.reduce((s, i) => s + i.unpaidFen, 0) };
  }

  async overdue(query: ListOverduePayoutsQuery, actor: Actor): Promise<PayoutDeadlinesReply> {
    requireCourtStaff(actor, 'the overdue payout report');
    const reply = await this.dues(actor.courtCode, query.asOf ?? shanghaiDateOf(this.clock.now()));
    const items = reply.items.filter((i) => i.state === 'OVERDUE');
    return { ...reply, items, totalUnpaidFen: items.reduce((s, i) => s + i.unpaidFen, 0) };
  }

  async scan(actor: Actor): Promise<ScanPayoutDeadlinesReply> {
    requireCourtStaff(actor, 'payout deadline scans');
    return { alerted: await this.scanCourt(actor.courtCode) };
  }

  async scanAll(): Promise<number> {
    let alerted = 0;
    for (const court of await this.flows.courtsWithCases(this.unitOfWork.manager)) {
      alerted += await this.scanCourt(court);
    }
    return alerted;
  }

  private async scanCourt(courtCode: string): Promise<number> {
    const today = shanghaiDateOf(this.clock.now());
    const { items } = await this.dues(courtCode, today);
    let alerted = 0;
    for (const due of items.filter((i) => i.state !== 'OK')) {
      const raised = await this.unitOfWork.run(async (tx) => {
        const fresh = await this.flows.recordAlert(tx.manager, { ...due, courtCode }, this.clock.now());
        if (!fresh) return false;
        await tx.emit(
          Events.LedgerPayoutDueSoon,
          {
            caseId: due.caseId,
            receiptId: due.receiptId,
            receivedOn: due.receivedOn,
            deadline: due.deadline,
            unpaidFen: due.unpaidFen,
            daysLeft: due.daysLeft,
          },
          { courtCode },
        );
        return true;
      });
      if (raised) alerted += 1;
    }
    return alerted;
  }

  private async dues(courtCode: string, today: string, caseId?: string): Promise<PayoutDeadlinesReply> {
    const manager = this.unitOfWork.manager;
    const days = payoutDeadlineDays(
      courtCode,
      this.config.PAYOUT_DEADLINE_DAYS,
      deadlineDaysByProvince(this.config),
    );
    const receipts = await this.flows.receipts(manager, { courtCode, ...(caseId ? { caseId } : {}) });
    const byCase = new Map<string, typeof receipts>();
    for (const r of receipts) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
    const items: PayoutDeadlinesReply['items'] = [];
    for (const [id, caseReceipts] of byCase) {
      const c = await this.flows.flowCase(manager, id);
      // what left the case for its purpose: the fee settled and the creditors' payouts the bank confirmed
      const disbursed = (c?.feeSettledFen ?? 0) + (c?.paidFen ?? 0);
      const dues: ReceiptDue[] = unpaidReceipts(
        caseReceipts.map((r) => ({
          receiptId: r.receiptId,
          caseId: r.caseId,
          amountFen: r.amountFen,
          // 到账日 as stored with the receipt (a deduction's 扣划日); the posting day for inflows without one
          receivedOn: r.valueDate ?? shanghaiDateOf(r.postedAt),
        })),
        disbursed,
        days,
        today,
      );
      for (const due of dues) {
        items.push({
          ...due,
          ...(c?.caseNumber ? { caseNumber: c.caseNumber } : {}),
          state: deadlineState(due, this.config.PAYOUT_ALERT_DAYS),
        });
      }
    }
    items.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.receiptId.localeCompare(b.receiptId));
    return {
      asOf: today,
      deadlineDays: days,
      items,
      totalUnpaidFen: items.reduce((s, i) => s + i.unpaidFen, 0),
    };
  }
}
