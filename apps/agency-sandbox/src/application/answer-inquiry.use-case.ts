import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  CodedError,
  ErrorCode,
  type AgencyInquiryReply,
  type AgencyInquiryRequest,
  type AgencyKind,
  type Clock,
} from '@writ/contracts';
import { CLOCK } from '@writ/platform';
import { DataSource } from 'typeorm';
import { expectedFindings } from '../domain/agency-records.js';
import { decideFault } from '../domain/sandbox-settings.js';
import {
  InquiryLogRepository,
  type EarlierAnswer,
  type InquiryLogOutcome,
} from '../persistence/inquiry-log.repository.js';
import { SandboxControls } from './sandbox-controls.js';

/** How long a "timed-out" inquiry is held: far beyond any caller's timeout. */
const HOLD_MS = 10 * 60_000;

/**
 * Answers one inquiry as the agency of its kind would (查询反馈): after the configured latency, with
 * the records `expectedFindings` gives, or — as often as configured — with AGENCY_FAILED or silence.
 * Every inquiry and its outcome is logged, as a real agency keeps a record of the courts that asked.
 * An inquiry id is answered once, as a real agency's request id is: when an answered id comes again
 * (the court re-sends after losing the reply), the same answer is given and logged as REPEATED.
 */
@Injectable()
export class AnswerInquiryUseCase implements OnModuleDestroy {
  private readonly held = new Set<() => void>();

  constructor(
    private readonly controls: SandboxControls,
    private readonly log: InquiryLogRepository,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Any kind: the request names its kind and the asset class the court's catalog gives it. */
  async execute(request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    const subjectKind = request.kind;
    const settings = this.controls.current();
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const earlier = await this.log.earlierAnswer(this.dataSource.manager, request.inquiryId);
    if (earlier) return this.repeat(subjectKind, request, earlier);
    switch (decideFault(settings, this.controls.roll())) {
      case 'FAIL':
        await this.record(request, 'FAILED', 0);
        throw new CodedError(
          ErrorCode.AgencyFailed,
          `The ${subjectKind} agency could not answer inquiry ${request.inquiryId}`,
        );
      case 'HOLD':
        await this.record(request, 'HELD', 0);
        return this.hold(request);
      case 'ANSWER': {
        const findings = expectedFindings(subjectKind, request.assetClass, request.subjectIdNumber);
        const answeredAt = this.clock.now();
        const first = await this.log.recordFirstAnswer(this.dataSource.manager, {
          inquiryId: request.inquiryId,
          kind: request.kind,
          subjectIdNumber: request.subjectIdNumber,
          caseNumber: request.caseNumber,
          findings: findings.length,
          receivedAt: answeredAt,
        });
        if (!first) {
          // another delivery of the same id was answered meanwhile: that answer stands
          const other = await this.log.earlierAnswer(this.dataSource.manager, request.inquiryId);
          if (other) return this.repeat(subjectKind, request, other);
        }
        return {
          inquiryId: request.inquiryId,
          kind: subjectKind,
          answeredAt: answeredAt.toISOString(),
          findings,
        };
      }
    }
  }

  /** The answer already given to this inquiry id, given again and logged as a repeat, not an answer. */
  private async repeat(
    subjectKind: AgencyKind,
    request: AgencyInquiryRequest,
    earlier: EarlierAnswer,
  ): Promise<AgencyInquiryReply> {
    // the records are a function of kind and id number, so they are the ones given the first time
    const findings = expectedFindings(subjectKind, request.assetClass, request.subjectIdNumber);
    await this.record(request, 'REPEATED', earlier.findings);
    return {
      inquiryId: request.inquiryId,
      kind: subjectKind,
      answeredAt: earlier.answeredAt.toISOString(),
      findings,
    };
  }

  private record(
    request: AgencyInquiryRequest,
    outcome: Exclude<InquiryLogOutcome, 'ANSWERED'>,
    findings: number,
  ): Promise<void> {
    return this.log.record(this.dataSource.manager, {
      inquiryId: request.inquiryId,
      kind: request.kind,
      subjectIdNumber: request.subjectIdNumber,
      caseNumber: request.caseNumber,
      outcome,
      findings,
      receivedAt: this.clock.now(),
    });
  }

  /** Never answers in time; gives up with AGENCY_FAILED much later, or when the sandbox stops. */
  private hold(request: AgencyInquiryRequest): Promise<never> {
    return new Promise<never>((_, reject) => {
      const release = (): void => {
        clearTimeout(timer);
        this.held.delete(release);
        reject(
          new CodedError(
            ErrorCode.AgencyFailed,
            `The ${request.kind} agency dropped inquiry ${request.inquiryId}`,
          ),
        );
      };
      const timer = setTimeout(release, HOLD_MS);
      timer.unref();
      this.held.add(release);
    });
  }

  /** Lets held inquiries go while the bus is still open, so no reply is attempted on a closed connection. */
  onModuleDestroy(): void {
    for (const release of [...this.held]) release();
  }
}
