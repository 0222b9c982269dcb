import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Events,
  type Actor,
  type Clock,
  type EventEnvelope,
  type LedgerMoneyReversedV1,
  type LedgerPayoutDueSoonV1,
} from '@writ/contracts';
import { CLOCK, Inbox, type Transaction } from '@writ/platform';
import type { CaseLife } from '../domain/case-life.js';
import { disbursedFen, paidWhenFen, remainingFen } from '../domain/payout-alerts.js';
import { payoutDueSoon } from '../domain/supervision-alerts.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { PayoutDueRepository, type OpenPayoutDue } from '../persistence/payout-due.repository.js';

/** The inbox consumer of the ledger's payout events: one handling of each event. */
export const PAYOUT_ALERTS_CONSUMER = 'case-intake.payout-alerts';

/**
 * 案款即将超期 in the officers' alerts: fund-ledger says when a receipt's money is due to be paid out soon
 * (`ledger.payout.due-soon`, once per receipt); the case's officer sees one alert per deadline day, with
 * what of it is still unpaid. The alert clears when the money is paid out (`ledger.money.paid-out`: the
 * ledger pays the oldest money first, the fee before the creditors) or its receipt is reversed
 * (`ledger.money.reversed`) — not by the supervision scan, which does not know the money.
 */
@Injectable()
export class PayoutAlerts {
  constructor(
    private readonly inbox: Inbox,
    private readonly lives: CaseLifeRepository,
    private readonly dues: PayoutDueRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `ledger.payout.due-soon`: the receipt's money joins the case's alert of its deadline, once per receipt. */
  async dueSoon(envelope: EventEnvelope<LedgerPayoutDueSoonV1>): Promise<void> {
    const due = envelope.data;
    await this.inbox.handleOnce(PAYOUT_ALERTS_CONSUMER, envelope, async (tx) => {
      const life = await this.lives.lock(tx.manager, due.caseId);
      if (!life || due.unpaidFen <= 0) return;
      const open = await this.dues.open(tx.manager, life.id);
      const row: OpenPayoutDue = {
        receiptId: due.receiptId,
        alertKey: this.candidate(life, due.deadline, due.unpaidFen).key,
        receivedOn: due.receivedOn,
        deadline: due.deadline,
        unpaidFen: due.unpaidFen,
        paidWhenFen: paidWhenFen(open, due, disbursedFen(life)),
      };
      // told before under another event id, or reversed already
      if (!(await this.dues.insert(tx.manager, life.id, row, this.clock.now()))) return;
      await this.dues.shiftAfter(tx.manager, life.id, row, row.unpaidFen);
      await this.refresh(tx, life, [...open.map((d) => d.alertKey), row.alertKey], envelope.actor);
    });
  }

  /**
   * After `ledger.money.paid-out` (in its handler's transaction, `life` as it now stands): the receipts
   * the case's disbursements have reached are paid out; their alerts clear or show what is left.
   */
  async paidOut(tx: Transaction, life: CaseLife, actor: Actor): Promise<void> {
    const open = await this.dues.open(tx.manager, life.id);
    if (!open.length) return;
    await this.dues.settlePaidOut(tx.manager, life.id, disbursedFen(life), this.clock.now());
    await this.refresh(
      tx,
      life,
      open.map((d) => d.alertKey),
      actor,
    );
  }

  /** `ledger.money.reversed`: the receipt's money was taken back, nothing of it is to be paid out. */
  async reversed(envelope: EventEnvelope<LedgerMoneyReversedV1>): Promise<void> {
    const reversal = envelope.data;
    await this.inbox.handleOnce(PAYOUT_ALERTS_CONSUMER, envelope, async (tx) => {
      const life = await this.lives.lock(tx.manager, reversal.caseId);
      if (!life) return;
      const due = await this.dues.settleReversed(tx.manager, life.id, reversal.receiptId, this.clock.now());
      if (!due) return;
      // the receipts paid after it are reached that much sooner
      await this.dues.shiftAfter(tx.manager, life.id, due, -reversal.amountFen);
      await this.dues.settlePaidOut(tx.manager, life.id, disbursedFen(life), this.clock.now());
      const open = await this.dues.open(tx.manager, life.id);
      await this.refresh(tx, life, [due.alertKey, ...open.map((d) => d.alertKey)], envelope.actor);
    });
  }

  private candidate(life: CaseLife, deadline: string, unpaidFen: number) {
    return payoutDueSoon({
      caseId: life.id,
      caseNumber: life.caseNumber,
      courtCode: life.courtCode,
      ...(life.officerId ? { officerId: life.officerId } : {}),
      deadline,
      unpaidFen,
    });
  }

  /**
   * Brings the case's payout alerts of `keys` in line with its open receipts: raised (or raised again)
   * with what is unpaid, the message kept current, resolved when nothing of it is left.
   */
  private async refresh(tx: Transaction, life: CaseLife, keys: string[], actor: Actor): Promise<void> {
    const now = this.clock.now();
    const disbursed = disbursedFen(life);
    const open = await this.dues.open(tx.manager, life.id);
    for (const key of [...new Set(keys)].sort()) {
      const mine = open.filter((d) => d.alertKey === key);
      const existing = await this.dues.alert(tx.manager, key);
      if (!mine.length) {
        if (!existing || existing.resolvedAt) continue;
        await this.dues.resolveAlert(tx.manager, key, now);
        await tx.audit({
          action: 'case.alert.resolve',
          entityType: 'case_alert',
          entityId: existing.id,
          courtCode: life.courtCode,
          before: { message: existing.message },
          after: { resolvedAt: now.toISOString() },
          actor,
        });
        continue;
      }
      const alert = this.candidate(
        life,
        mine[0]!.deadline,
        mine.reduce((sum, d) => sum + remainingFen(d, disbursed), 0),
      );
      if (existing && !existing.resolvedAt) {
        if (existing.message !== alert.message) await this.dues.openAlert(tx.manager, alert, null);
        continue;
      }
      const id = existing?.id ?? randomUUID();
      if (existing) await this.dues.openAlert(tx.manager, alert, now);
      else await this.dues.insertAlert(tx.manager, id, alert, now);
      await tx.audit({
        action: 'case.alert.raise',
        entityType: 'case_alert',
        entityId: id,
        courtCode: life.courtCode,
        after: { kind: alert.kind, dueOn: alert.dueOn, message: alert.message },
        actor,
      });
      await tx.emit(
        Events.CaseAlertRaised,
        {
          alertId: id,
          kind: alert.kind,
          caseId: alert.caseId,
          caseNumber: alert.caseNumber,
          ...(alert.officerId ? { officerId: alert.officerId } : {}),
          dueOn: alert.dueOn,
          message: alert.message,
        },
        { courtCode: alert.courtCode, actor },
      );
    }
  }
}
