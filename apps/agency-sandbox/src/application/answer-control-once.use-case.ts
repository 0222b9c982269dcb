import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { AgencyControlAction, AgencyControlReply, AgencyControlRequest, Clock } from '@writ/contracts';
import { CLOCK } from '@writ/platform';
import { DataSource } from 'typeorm';
import { ControlLogRepository } from '../persistence/control-log.repository.js';
import { AnswerControlUseCase } from './answer-control.use-case.js';
import { SandboxControls } from './sandbox-controls.js';

/** The follow-up orders an agency carries out once per action id: a repeat must not renew, release or move money twice. */
const ONCE: readonly AgencyControlAction[] = ['RENEW', 'RELEASE', 'DEDUCT'];

/**
 * Answers a follow-up control order once per action id, as a real agency does by its request id: when
 * the court sends an answered action id again (it lost the reply, or retried after a timeout), the
 * first answer is given again and logged as REPEATED — a retried deduction never moves money twice, and
 * no record is deducted beyond its balance (orders on one record are taken one at a time).
 */
@Injectable()
export class AnswerControlOnceUseCase {
  constructor(
    private readonly answerControl: AnswerControlUseCase,
    private readonly log: ControlLogRepository,
    private readonly dataSource: DataSource,
    private readonly settings: SandboxControls,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(request: AgencyControlRequest): Promise<AgencyControlReply> {
    // an agency takes the configured time to answer a control order as it does an inquiry
    const { latencyMs } = this.settings.current();
    if (latencyMs > 0) await sleep(latencyMs);
    const actionId = request.actionId;
    if (actionId === undefined || !ONCE.includes(request.action)) {
      return this.answerControl.execute(request);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.log.lockRecord(manager, request.kind, request.identifier);
      const entry = (answer: AgencyControlReply, movedFen = 0) => ({
        actionId,
        controlId: request.controlId,
        kind: request.kind,
        action: request.action,
        identifier: request.identifier,
        caseNumber: request.caseNumber,
        answer,
        movedFen,
        receivedAt: new Date(answer.answeredAt),
      });
      const earlier = await this.log.earlierAnswer(manager, actionId);
      if (earlier) {
        await this.log.recordRepeat(manager, { ...entry(earlier), receivedAt: this.clock.now() });
        return earlier;
      }
      const moved = await this.log.movedFen(manager, request.kind, request.identifier);
      const answer = this.answerControl.execute(request, moved);
      const movedNow = request.action === 'DEDUCT' && answer.outcome === 'DONE' ? answer.amountFen : 0;
      await this.log.recordFirstAnswer(manager, entry(answer, movedNow));
      return answer;
    });
  }
}
