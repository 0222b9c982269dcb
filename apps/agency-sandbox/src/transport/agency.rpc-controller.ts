import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AGENCY_INQUIRE_ANY,
  AgencyInquiryRequest,
  Subjects,
  type AgencyInquiryReply,
  type SandboxConfigureRequest,
} from '@writ/contracts';
import { AnswerInquiryUseCase } from '../application/answer-inquiry.use-case.js';
import { SandboxControls } from '../application/sandbox-controls.js';
import { SandboxConfigureBody } from './sandbox-configure.body.js';

/** The agencies of the 总对总 network and the provinces' own sources, answering inquiries, and the test settings. */
@Controller()
export class AgencyRpcController {
  constructor(
    private readonly answerInquiry: AnswerInquiryUseCase,
    private readonly controls: SandboxControls,
  ) {}

  /**
   * Every agency kind, national or provincial, on its own subject `agency.<kind>.inquire` as a real
   * integration would be: the sandbox subscribes to them all and makes records by the asset class the
   * request carries, so a kind added to the catalog is answered without a change here.
   */
  @MessagePattern(AGENCY_INQUIRE_ANY)
  inquire(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(request);
  }

  @MessagePattern(Subjects.Agency.Configure)
  configure(@Payload() request: SandboxConfigureBody): Required<SandboxConfigureRequest> {
    return this.controls.configure(request);
  }
}
