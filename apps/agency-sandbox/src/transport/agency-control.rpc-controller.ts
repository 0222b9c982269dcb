import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgencyControlRequest,
  agencyControlSubject,
  AgencyKind,
  Subjects,
  type AgencyControlReply,
  type SandboxReleaseHoldReply,
} from '@writ/contracts';
import { IsEnum, IsString, Length } from 'class-validator';
import { AnswerControlUseCase } from '../application/answer-control.use-case.js';

/** `agency.sandbox.release-hold` as validated at the door. */
export class SandboxReleaseHoldBody {
  @IsEnum(AgencyKind)
  kind!: AgencyKind;

  @IsString()
  @Length(1, 200)
  identifier!: string;
}

/**
 * One control responder per agency holding property, each on its own subject as a real integration
 * would be. Exit-entry and marriage records are not property: nothing answers control orders for them.
 */
@Controller()
export class AgencyControlRpcController {
  constructor(private readonly answerControl: AnswerControlUseCase) {}

  /** 银行存款: 冻结、扣划、续冻、解冻 */
  @MessagePattern(agencyControlSubject(AgencyKind.BankDeposit))
  bankDeposit(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.BankDeposit, request);
  }

  /** 理财产品 */
  @MessagePattern(agencyControlSubject(AgencyKind.WealthProduct))
  wealthProduct(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.WealthProduct, request);
  }

  /** 网络支付账户 */
  @MessagePattern(agencyControlSubject(AgencyKind.OnlinePayment))
  onlinePayment(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.OnlinePayment, request);
  }

  /** 证券 */
  @MessagePattern(agencyControlSubject(AgencyKind.Securities))
  securities(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.Securities, request);
  }

  /** 不动产: 查封、续封、解封 */
  @MessagePattern(agencyControlSubject(AgencyKind.RealEstate))
  realEstate(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.RealEstate, request);
  }

  /** 车辆: 查封、扣押 */
  @MessagePattern(agencyControlSubject(AgencyKind.Vehicle))
  vehicle(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.Vehicle, request);
  }

  /** 股权 */
  @MessagePattern(agencyControlSubject(AgencyKind.BusinessRegistration))
  businessRegistration(@Payload() request: AgencyControlRequest): AgencyControlReply {
    return this.answerControl.execute(AgencyKind.BusinessRegistration, request);
  }

  @MessagePattern(Subjects.Agency.ReleaseHold)
  releaseHold(@Payload() request: SandboxReleaseHoldBody): SandboxReleaseHoldReply {
    return this.answerControl.releaseHold(request);
  }
}
