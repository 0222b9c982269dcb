import { Injectable } from '@nestjs/common';
import {
  CaseStatus,
  ClosureType,
  PerformanceMode,
  shanghaiDateOf,
  type AssetControlAppliedV1,
  type AssetInquiryCompletedV1,
  type AssetPropertyFoundAfterClosureV1,
  type AuctionLotSoldV1,
  type EventEnvelope,
  type LedgerClaimFullyPaidV1,
  type LedgerMoneyPaidOutV1,
  type LedgerMoneyReceivedV1,
} from '@writ/contracts';
import { Inbox, type Transaction } from '@writ/platform';
import { closedCaseFactsOf, deadlineOf, type CaseLife } from '../domain/case-life.js';
import { CaseMetricsRecorder } from '../persistence/case-metrics.recorder.js';
import { FlowSignal } from '../domain/flow-nodes.js';
import { triage } from '../domain/triage.js';
import { CaseLifeRepository } from '../persistence/case-life.repository.js';
import { CourtSettingsRepository } from '../persistence/court-settings.repository.js';
import { CloseCaseUseCase } from './close-case.use-case.js';
import { FlowProgress } from './flow-progress.js';
import { PayoutAlerts } from './payout-alerts.js';
import { assignmentFor } from './officer-assignment.js';
import { ResumeCaseUseCase } from './resume-case.use-case.js';

const CONSUMER = 'case-intake';

/**
 * What other stages' events mean for a case: its nodes move, the money seen and property found are
 * kept, a full payment closes it as 执行完毕, a find after 终本 opens a 执恢 case. Each event is handled
 * once (inbox), and for a case this service does not hold it does nothing.
 */
@Injectable()
export class StageEventsHandler {
  constructor(
    private readonly inbox: Inbox,
    private readonly lives: CaseLifeRepository,
    private readonly settings: CourtSettingsRepository,
    private readonly flow: FlowProgress,
    private readonly closing: CloseCaseUseCase,
    private readonly resumption: ResumeCaseUseCase,
    private readonly metrics: CaseMetricsRecorder,
    private readonly payoutAlerts: PayoutAlerts,
  ) {}

  /** A closed case whose counted facts changed (money paid out late, property found) is recounted. */
  private recount(tx: Transaction, before: CaseLife, after: CaseLife): void {
    const was = closedCaseFactsOf(before);
    const is = closedCaseFactsOf(after);
    if (was && is) this.metrics.recordClosedCaseChanged(tx, was, is);
  }

  private at(envelope: EventEnvelope): Date {
    return new Date(envelope.occurredAt);
  }

  /** 财产查询 done; a find starts control, and deposits that cover the claim move the case to 快执. */
  async inquiryCompleted(envelope: EventEnvelope<AssetInquiryCompletedV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, async (tx) => {
      const life = await this.lives.lock(tx.manager, envelope.data.caseId);
      if (!life) return;
      const at = this.at(envelope);
      const today = shanghaiDateOf(at);
      const found = envelope.data.assetsFound > 0 && envelope.data.totalValueFen > 0;
      let after = {
        ...life,
        hasProperty: found,
        foundValueFen: envelope.data.totalValueFen,
        inquiryCompletedOn: today,
      };
      const deposits = envelope.data.depositsFoundFen;
      if (deposits !== undefined && life.status !== CaseStatus.Closed) {
        const settings = await this.settings.get(tx.manager, life.courtCode);
        const decision = triage(
          { caseType: life.caseType, claimAmountFen: life.claimAmountFen, depositsFoundFen: deposits },
          settings.triage,
        );
        if (decision.track !== life.track) {
          // the case moves to the new track's team, to its least-loaded officer (or stays if it has none)
          const officer = await assignmentFor(
            this.lives,
            tx.manager,
            life.courtCode,
            decision.track,
            settings.teams,
          );
          after = {
            ...after,
            track: decision.track,
            trackReason: decision.reason,
            ...(officer ? { teamId: officer.teamId, officerId: officer.officerId } : {}),
          };
          await this.lives.addAssignment(tx.manager, life.id, {
            track: decision.track,
            ...(after.teamId ? { teamId: after.teamId } : {}),
            ...(after.officerId ? { officerId: after.officerId } : {}),
            reason: decision.reason,
            assignedBy: envelope.actor.id,
            assignedAt: at,
          });
        }
      }
      await this.lives.save(tx.manager, after, deadlineOf(after, today));
      this.recount(tx, life, after);
      await tx.audit({
        action: 'case.inquiry.completed',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: { hasProperty: life.hasProperty, track: life.track },
        after: { hasProperty: after.hasProperty, foundValueFen: after.foundValueFen, track: after.track },
        actor: envelope.actor,
      });
      await this.flow.signal(tx, life.id, FlowSignal.InquiryCompleted, at, envelope.actor, {
        propertyFound: found,
      });
    });
  }

  async controlApplied(envelope: EventEnvelope<AssetControlAppliedV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, (tx) =>
      this.flow.signal(
        tx,
        envelope.data.caseId,
        FlowSignal.ControlApplied,
        this.at(envelope),
        envelope.actor,
        {
          needsDisposal: envelope.data.controlKind !== 'FREEZE',
        },
      ),
    );
  }

  async lotSold(envelope: EventEnvelope<AuctionLotSoldV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, (tx) =>
      this.flow.signal(tx, envelope.data.caseId, FlowSignal.LotSold, this.at(envelope), envelope.actor),
    );
  }

  async moneyReceived(envelope: EventEnvelope<LedgerMoneyReceivedV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, async (tx) => {
      const life = await this.lives.lock(tx.manager, envelope.data.caseId);
      if (!life) return;
      const at = this.at(envelope);
      // totals, not increments: events of one case may arrive out of order
      const after = { ...life, receivedFen: Math.max(life.receivedFen, envelope.data.totalReceivedFen) };
      await this.lives.save(tx.manager, after, deadlineOf(after, shanghaiDateOf(at)));
      await tx.audit({
        action: 'case.money.received',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: { receivedFen: life.receivedFen },
        after: { receivedFen: after.receivedFen, receiptId: envelope.data.receiptId },
        actor: envelope.actor,
      });
      await this.flow.signal(tx, life.id, FlowSignal.MoneyReceived, at, envelope.actor);
    });
  }

  async moneyPaidOut(envelope: EventEnvelope<LedgerMoneyPaidOutV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, async (tx) => {
      const life = await this.lives.lock(tx.manager, envelope.data.caseId);
      if (!life) return;
      const at = this.at(envelope);
      const after = { ...life, recoveredFen: Math.max(life.recoveredFen, envelope.data.totalPaidFen) };
      await this.lives.save(tx.manager, after, deadlineOf(after, shanghaiDateOf(at)));
      this.recount(tx, life, after);
      await tx.audit({
        action: 'case.money.paid-out',
        entityType: 'enforcement_case',
        entityId: life.id,
        courtCode: life.courtCode,
        before: { recoveredFen: life.recoveredFen },
        after: { recoveredFen: after.recoveredFen, payoutId: envelope.data.payoutId },
        actor: envelope.actor,
      });
      await this.flow.signal(tx, life.id, FlowSignal.MoneyPaidOut, at, envelope.actor, {
        allPaidOut: after.recoveredFen >= after.receivedFen,
      });
      // 案款即将超期 alerts the payout reached clear
      await this.payoutAlerts.paidOut(tx, after, envelope.actor);
    });
  }

  /** 执行完毕 follows from the ledger's word that the claim is paid in full. */
  async claimFullyPaid(envelope: EventEnvelope<LedgerClaimFullyPaidV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, async (tx) => {
      await this.closing.closeAsFullyPaid(tx, envelope.data.caseId, {
        recoveredFen: envelope.data.recoveredFen,
        performanceMode: envelope.data.performanceMode as PerformanceMode,
        actor: envelope.actor,
        at: this.at(envelope),
      });
    });
  }

  /** Property found at the re-search of a 终本 case: a 执恢 case is opened, once. */
  async propertyFoundAfterClosure(envelope: EventEnvelope<AssetPropertyFoundAfterClosureV1>): Promise<void> {
    await this.inbox.handleOnce(CONSUMER, envelope, async (tx) => {
      const original = await this.lives.lock(tx.manager, envelope.data.caseId);
      if (!original || original.closureType !== ClosureType.TerminatedThisRound) return;
      if (await this.lives.openResumptionOf(tx.manager, original.id)) return;
      await this.resumption.resumeIn(
        tx,
        original,
        `终本后复查发现财产：${envelope.data.description}`,
        { ...envelope.actor, courtCode: original.courtCode },
        { key: `found-after-closure:${envelope.id}`, hash: envelope.id },
      );
    });
  }
}
