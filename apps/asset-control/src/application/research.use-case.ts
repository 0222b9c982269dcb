import { requireCourtStaff } from '@writ/contracts';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  ResearchStatus,
  shanghaiDateOf,
  type CaseClosedV1,
  type CaseRegisteredV1,
  type Clock,
  type Actor,
  type EventEnvelope,
  type GetResearchReply,
  type ScanResearchReply,
} from '@writ/contracts';
import { CLOCK, Inbox, LOGGER, UnitOfWork } from '@writ/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AssetControlConfig } from '../asset-control.config.js';
import { newInquiryProgress, planInquiries } from '../domain/asset-inquiry.js';
import {
  needsResearch,
  newResearchSchedule,
  researchIsDue,
  researchStopped,
  resumedCaseOf,
  roundStarted,
} from '../domain/research-schedule.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';
import { ResearchRepository } from '../persistence/research.repository.js';
import { AgencyCatalog } from './agency-catalog.js';
import { InquiryDispatcher } from './inquiry-dispatcher.js';
import { ResearchRounds } from './research-rounds.js';

/** Its own inbox consumer: the same `case.registered` is also handled by the start of inquiries. */
export const RESEARCH_CONSUMER = 'asset-control.research';
/** Schedules started per transaction of a scan. */
const SCAN_CHUNK = 20;

/**
 * 终本后定期复查 (DOMAIN.md §4): a 终本 closure schedules a re-search every 6 months for 5 years; a
 * scan (timer and `assets.research.scan`) starts the due ones as new rounds of inquiries to every
 * agency kind through the one dispatcher; a resumption (执恢) of the case stops the schedule.
 */
@Injectable()
export class ResearchUseCase implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private scanning?: Promise<unknown>;

  constructor(
    private readonly inbox: Inbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly research: ResearchRepository,
    private readonly rounds: ResearchRounds,
    private readonly catalog: AgencyCatalog,
    private readonly dispatcher: InquiryDispatcher,
    private readonly config: AssetControlConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.RESEARCH_SCAN_INTERVAL_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      if (this.scanning) return;
      this.scanning = this.scan()
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'the re-search scan failed; will try again'),
        )
        .finally(() => (this.scanning = undefined));
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.scanning;
  }

  private static requireV1(envelope: EventEnvelope): void {
    if (envelope.version !== 1) {
      throw new CodedError(
        ErrorCode.InvalidState,
        `${envelope.type} v${envelope.version} is not understood here`,
      );
    }
  }

  /** A 终本 closure schedules the re-searches; the respondents are those of the case's inquiry. */
  async caseClosed(envelope: EventEnvelope<CaseClosedV1>): Promise<boolean> {
    ResearchUseCase.requireV1(envelope);
    let scheduled = false;
    await this.inbox.handleOnce(RESEARCH_CONSUMER, envelope, async (tx) => {
      const closed = envelope.data;
      if (!needsResearch(closed.closureType)) return;
      const batch = await this.inquiries.findBatch(tx.manager, closed.caseId);
      if (!batch) {
        // not an implementation case of ours: nobody to search for
        this.logger.warn(
          { caseId: closed.caseId },
          '终本 closure of a case without an inquiry; not re-searched',
        );
        return;
      }
      const schedule = newResearchSchedule(closed.closedOn);
      const now = this.clock.now();
      if (!(await this.research.insertSchedule(tx.manager, batch, schedule, now))) return;
      await tx.audit({
        action: 'asset.research.schedule',
        entityType: 'research_schedule',
        entityId: closed.caseId,
        courtCode: batch.courtCode,
        after: { closedOn: schedule.closedOn, nextDueOn: schedule.nextDueOn, endsOn: schedule.endsOn },
        actor: envelope.actor,
      });
      scheduled = true;
    });
    return scheduled;
  }

  /** A 执恢 case registered for a 终本 case stops its re-searches: the new case searches for itself. */
  async caseRegistered(envelope: EventEnvelope<CaseRegisteredV1>): Promise<boolean> {
    ResearchUseCase.requireV1(envelope);
    const resumed = resumedCaseOf(envelope.data);
    if (!resumed) return false;
    let stopped = false;
    await this.inbox.handleOnce(RESEARCH_CONSUMER, envelope, async (tx) => {
      const schedule = await this.research.lockSchedule(tx.manager, resumed);
      if (!schedule || schedule.status !== ResearchStatus.Active) return;
      const today = shanghaiDateOf(this.clock.now());
      const reason = `恢复执行：${envelope.data.caseNumber}`;
      await this.research.saveSchedule(tx.manager, resumed, researchStopped(schedule), { on: today, reason });
      await tx.audit({
        action: 'asset.research.stop',
        entityType: 'research_schedule',
        entityId: resumed,
        courtCode: schedule.courtCode,
        before: { status: schedule.status, nextDueOn: schedule.nextDueOn },
        after: { status: ResearchStatus.Stopped, stoppedOn: today, reason },
        actor: envelope.actor,
      });
      stopped = true;
    });
    return stopped;
  }

  /** The schedule and rounds of a 终本 case; null for a case of another court or without one. */
  async get(caseId: string, actor: Actor): Promise<GetResearchReply> {
    requireCourtStaff(actor, 'the re-search of a case');
    const manager = this.dataSource.manager;
    const schedule = await this.research.findSchedule(manager, caseId);
    if (!schedule || schedule.courtCode !== actor.courtCode) return null;
    const rounds = await this.research.roundsOf(manager, caseId);
    return {
      caseId,
      caseNumber: schedule.caseNumber,
      status: schedule.status,
      closedOn: schedule.closedOn,
      endsOn: schedule.endsOn,
      ...(schedule.nextDueOn ? { nextDueOn: schedule.nextDueOn } : {}),
      ...(schedule.stoppedOn ? { stoppedOn: schedule.stoppedOn } : {}),
      ...(schedule.stoppedReason ? { stoppedReason: schedule.stoppedReason } : {}),
      rounds: rounds.map((r) => ({
        round: r.round,
        startedAt: r.startedAt.toISOString(),
        ...(r.completedAt
          ? {
              completedAt: r.completedAt.toISOString(),
              assetsFound: r.assetsFound ?? 0,
              totalValueFen: r.totalValueFen ?? 0,
            }
          : {}),
        ...(r.announcedAt ? { announcedAt: r.announcedAt.toISOString() } : {}),
      })),
    };
  }

  /** Starts every round due today, a chunk of schedules per transaction. */
  async scan(): Promise<ScanResearchReply> {
    const reply = { started: 0, ended: 0 };
    for (;;) {
      const chunk = await this.unitOfWork.run(async (tx) => {
        const now = this.clock.now();
        const today = shanghaiDateOf(now);
        const due = await this.research.lockDue(tx.manager, today, SCAN_CHUNK);
        for (const schedule of due) {
          if (!researchIsDue(schedule, today)) continue;
          const after = roundStarted(schedule, today);
          const round = after.roundsStarted;
          const respondents = await this.research.respondentsOf(tx.manager, schedule.caseId);
          // every agency kind the catalog has now, for the respondents as registered (财产调查规定 Art 1, 13)
          const plan = planInquiries(respondents, await this.catalog.current(tx.manager), schedule.courtCode);
          await this.research.insertRound(tx.manager, schedule.caseId, round, now);
          await this.inquiries.insertInquiries(
            tx.manager,
            schedule.caseId,
            plan,
            newInquiryProgress(now),
            now,
            round,
          );
          await this.research.saveSchedule(tx.manager, schedule.caseId, after);
          await tx.audit({
            action: 'asset.research.start',
            entityType: 'research_round',
            entityId: `${schedule.caseId}#${round}`,
            courtCode: schedule.courtCode,
            before: { roundsStarted: schedule.roundsStarted, nextDueOn: schedule.nextDueOn },
            after: { round, inquiries: plan.length, nextDueOn: after.nextDueOn, status: after.status },
          });
          // a case without respondents has nothing to ask: its round is complete at once
          await this.rounds.completeIfDone(tx, schedule, round, now);
          reply.started++;
          if (after.status === ResearchStatus.Ended) reply.ended++;
        }
        return due.length;
      });
      if (chunk < SCAN_CHUNK) break;
    }
    if (reply.started) this.dispatcher.kick();
    return reply;
  }
}
