import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { agencyInquireSubject, ErrorCode, type AgencyInquiryReply, type Clock } from '@writ/contracts';
import { BusClient, CLOCK, LOGGER, runInContext, serviceActor, toWireError } from '@writ/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AssetControlConfig } from '../asset-control.config.js';
import { replyProblem } from '../domain/asset-inquiry.js';
import { InquiryRepository, type ClaimedInquiry } from '../persistence/inquiry.repository.js';
import { RecordInquiryOutcomeUseCase } from './record-inquiry-outcome.use-case.js';

const SERVICE = 'asset-control';
/** Time beyond the request timeout for recording the outcome before the lease may pass to another replica. */
const LEASE_MARGIN_MS = 10_000;

/**
 * Sends due inquiries to the agencies (网络查控发送): all kinds of a case at once, at most
 * INQUIRY_CONCURRENCY in flight per replica, each with its own timeout. Woken when a case brings new
 * inquiries and by a timer, which also picks up retries as they fall due and inquiries whose
 * dispatcher died holding them.
 */
@Injectable()
export class InquiryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private filling?: Promise<void>;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
    private readonly outcomes: RecordInquiryOutcomeUseCase,
    private readonly bus: BusClient,
    private readonly config: AssetControlConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.kick();
  }

  /** Look for due inquiries now (calls arriving during a pass make it run once more). */
  kick(): void {
    if (this.stopped) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.filling = this.fill()
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'could not claim due inquiries; will try again'),
      )
      .finally(() => {
        this.filling = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.schedule();
        }
      });
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), this.config.INQUIRY_POLL_MS);
    this.timer.unref();
  }

  /** Claims as many due inquiries as there are free places, and sends each without waiting for it. */
  private async fill(): Promise<void> {
    while (!this.stopped) {
      const free = this.config.INQUIRY_CONCURRENCY - this.inFlight.size;
      if (free <= 0) return;
      const now = this.clock.now();
      const claimed = await this.inquiries.claimDue(this.dataSource.manager, {
        now,
        leaseUntil: new Date(now.getTime() + this.config.INQUIRY_TIMEOUT_MS + LEASE_MARGIN_MS),
        token: randomUUID(),
        limit: free,
      });
      for (const inquiry of claimed) this.track(this.send(inquiry));
      if (claimed.length < free) return;
    }
  }

  private track(sending: Promise<void>): void {
    this.inFlight.add(sending);
    void sending.finally(() => {
      this.inFlight.delete(sending);
      // a freed place may take the next due inquiry at once
      this.kick();
    });
  }

  /** Never rejects: a failure to record is logged, and the lease's expiry brings the inquiry back. */
  private async send(inquiry: ClaimedInquiry): Promise<void> {
    const actor = serviceActor(SERVICE, inquiry.courtCode);
    try {
      await runInContext({ correlationId: inquiry.correlationId, actor }, async () => {
        let reply: AgencyInquiryReply;
        try {
          reply = await this.bus.request(
            agencyInquireSubject(inquiry.kind),
            {
              inquiryId: inquiry.id,
              kind: inquiry.kind,
              assetClass: inquiry.assetClass,
              subjectKind: inquiry.respondentKind,
              subjectIdNumber: inquiry.respondentIdNumber,
              subjectName: inquiry.respondentName,
              caseNumber: inquiry.caseNumber,
            },
            { timeoutMs: this.config.INQUIRY_TIMEOUT_MS, actor },
          );
        } catch (error) {
          await this.outcomes.attemptFailed(inquiry, toWireError(error));
          return;
        }
        const problem = replyProblem(inquiry, reply);
        if (problem) {
          await this.outcomes.attemptFailed(inquiry, {
            code: ErrorCode.AgencyFailed,
            message: `unusable reply: ${problem}`,
          });
          return;
        }
        await this.outcomes.answered(inquiry, reply);
      });
    } catch (error) {
      this.logger.error(
        { err: error, inquiryId: inquiry.id },
        'could not record an inquiry outcome; it will be sent again',
      );
    }
  }

  /** Stops claiming, and lets the inquiries in flight finish and be recorded before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.filling;
    await Promise.allSettled([...this.inFlight]);
  }
}
