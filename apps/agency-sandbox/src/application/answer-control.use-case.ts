import { Inject, Injectable } from '@nestjs/common';
import {
  type AgencyControlReply,
  type AgencyControlRequest,
  type Clock,
  type SandboxReleaseHoldReply,
  type SandboxReleaseHoldRequest,
} from '@writ/contracts';
import { CLOCK } from '@writ/platform';
import { answerControl, recordedHold } from '../domain/agency-controls.js';

/**
 * Answers control orders as the agency of their kind would (控制反馈), and lets a test release the
 * other court's hold on a record. The released holds are kept per process, like the fault settings:
 * the sandbox runs as one replica wherever queued controls are exercised.
 */
@Injectable()
export class AnswerControlUseCase {
  private readonly released = new Set<string>();

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  /** Any kind: the order names its kind and the asset class the court's catalog gives it. */
  execute(request: AgencyControlRequest, deductedFen = 0): AgencyControlReply {
    const answer = answerControl(
      request,
      this.released.has(`${request.kind}:${request.identifier}`),
      deductedFen,
    );
    return { ...answer, answeredAt: this.clock.now().toISOString() };
  }

  releaseHold(request: SandboxReleaseHoldRequest): SandboxReleaseHoldReply {
    const held = recordedHold(request.kind, request.identifier) !== null;
    if (held) this.released.add(`${request.kind}:${request.identifier}`);
    return { kind: request.kind, identifier: request.identifier, released: held };
  }
}
