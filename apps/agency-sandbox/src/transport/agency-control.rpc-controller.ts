import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AGENCY_CONTROL_ANY,
  AgencyControlRequest,
  IsAgencyKindCode,
  Subjects,
  type AgencyKind,
  type AgencyControlReply,
  type SandboxReleaseHoldReply,
} from '@writ/contracts';
import { IsString, Length } from 'class-validator';
import { AnswerControlOnceUseCase } from '../application/answer-control-once.use-case.js';
import { AnswerControlUseCase } from '../application/answer-control.use-case.js';

/** `agency.sandbox.release-hold` as validated at the door. */
export class SandboxReleaseHoldBody {
  @IsAgencyKindCode()
  kind!: AgencyKind;

  @IsString()
  @Length(1, 200)
  identifier!: string;
}

/** Control orders to the agencies, and the test hook that releases another court's hold. */
@Controller()
export class AgencyControlRpcController {
  constructor(
    private readonly answerControl: AnswerControlUseCase,
    private readonly answerOnce: AnswerControlOnceUseCase,
  ) {}

  /**
   * Control orders to every agency kind on `agency.<kind>.control`: what a record takes follows the
   * asset class the order carries; information records (exit-entry, marriage, ...) take none and are
   * refused.
   */
  @MessagePattern(AGENCY_CONTROL_ANY)
  control(@Payload() request: AgencyControlRequest): Promise<AgencyControlReply> {
    // renew, release and deduct carry the court's action id: carried out once, a repeat answered the same
    return this.answerOnce.execute(request);
  }

  @MessagePattern(Subjects.Agency.ReleaseHold)
  releaseHold(@Payload() request: SandboxReleaseHoldBody): SandboxReleaseHoldReply {
    return this.answerControl.releaseHold(request);
  }
}
