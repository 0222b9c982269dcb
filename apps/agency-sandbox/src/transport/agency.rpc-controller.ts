import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgencyInquiryRequest,
  AgencyKind,
  agencyInquireSubject,
  Subjects,
  type AgencyInquiryReply,
  type SandboxConfigureRequest,
} from '@writ/contracts';
import { AnswerInquiryUseCase } from '../application/answer-inquiry.use-case.js';
import { SandboxControls } from '../application/sandbox-controls.js';
import { SandboxConfigureBody } from './sandbox-configure.body.js';

/**
 * One responder per agency of the 总对总 network, each on its own subject as a real integration
 * would be, all answering through one use case.
 */
@Controller()
export class AgencyRpcController {
  constructor(
    private readonly answerInquiry: AnswerInquiryUseCase,
    private readonly controls: SandboxControls,
  ) {}

  /** 银行存款 */
  @MessagePattern(agencyInquireSubject(AgencyKind.BankDeposit))
  bankDeposit(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.BankDeposit, request);
  }

  /** 理财产品 */
  @MessagePattern(agencyInquireSubject(AgencyKind.WealthProduct))
  wealthProduct(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.WealthProduct, request);
  }

  /** 网络支付账户 (支付宝、微信支付) */
  @MessagePattern(agencyInquireSubject(AgencyKind.OnlinePayment))
  onlinePayment(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.OnlinePayment, request);
  }

  /** 证券 */
  @MessagePattern(agencyInquireSubject(AgencyKind.Securities))
  securities(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.Securities, request);
  }

  /** 不动产 */
  @MessagePattern(agencyInquireSubject(AgencyKind.RealEstate))
  realEstate(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.RealEstate, request);
  }

  /** 车辆 */
  @MessagePattern(agencyInquireSubject(AgencyKind.Vehicle))
  vehicle(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.Vehicle, request);
  }

  /** 工商登记 (股权) */
  @MessagePattern(agencyInquireSubject(AgencyKind.BusinessRegistration))
  businessRegistration(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.BusinessRegistration, request);
  }

  /** 出入境证件 */
  @MessagePattern(agencyInquireSubject(AgencyKind.ExitEntry))
  exitEntry(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.ExitEntry, request);
  }

  /** 婚姻登记 */
  @MessagePattern(agencyInquireSubject(AgencyKind.Marriage))
  marriage(@Payload() request: AgencyInquiryRequest): Promise<AgencyInquiryReply> {
    return this.answerInquiry.execute(AgencyKind.Marriage, request);
  }

  @MessagePattern(Subjects.Agency.Configure)
  configure(@Payload() request: SandboxConfigureBody): Required<SandboxConfigureRequest> {
    return this.controls.configure(request);
  }
}
