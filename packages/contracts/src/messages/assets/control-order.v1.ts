import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ControlEndReason, ControlKind, ControlStatus, type AgencyKind } from '../../enums.js';
import type { Fen } from '../../money.js';
import type { PendingControlApprovalView } from './control-approval.v1.js';
import { IsAgencyKindCode, IsFen } from '../../validation/decorators.js';

/** A record not among the inquiry's findings, described by the officer (e.g. from an applicant's lead). */
export class ControlTargetInput {
  @IsAgencyKindCode()
  agencyKind!: AgencyKind;

  @IsString()
  @Length(18, 18)
  respondentIdNumber!: string;

  @IsString()
  @Length(1, 200)
  identifier!: string;

  @IsString()
  @Length(1, 500)
  description!: string;

  /** what the property is reckoned to be worth, counted against the over-control limit */
  @IsFen()
  estimatedValueFen!: Fen;
}

/**
 * `assets.control.order` v1 — an officer orders a freeze (冻结), seizure (查封) or distraint (扣押) of a
 * found asset, or a deduction (扣划) from a frozen account into the court's case account. The order goes
 * to the holding agency and is in force only once it confirms. A repeated request key answers with the
 * first order. Emits `asset.control.applied` on confirmation, `asset.deducted` for a deduction.
 */
export class OrderControlCommand {
  /** Idempotency key: the same key answers with the first order (and re-sends one that failed). */
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  caseId!: string;

  @IsEnum(ControlKind)
  kind!: ControlKind;

  /** FREEZE/SEIZE/DISTRAIN: a found asset of the case (`assets.findings.get`), or `target` */
  @ValidateIf((c: OrderControlCommand) => c.kind !== ControlKind.Deduct && c.target === undefined)
  @IsUUID()
  assetId?: string;

  @ValidateIf((c: OrderControlCommand) => c.kind !== ControlKind.Deduct && c.assetId === undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => ControlTargetInput)
  target?: ControlTargetInput;

  /** DEDUCT: the freeze to deduct from */
  @ValidateIf((c: OrderControlCommand) => c.kind === ControlKind.Deduct)
  @IsUUID()
  controlId?: string;

  /** FREEZE of money and DEDUCT: the amount asked; other orders take the property's value */
  @ValidateIf((c: OrderControlCommand) => c.kind === ControlKind.Deduct || c.amountFen !== undefined)
  @IsFen({ positive: true })
  amountFen?: Fen;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** One control of a case, with its term. */
export interface ControlView {
  id: string;
  caseId: string;
  kind: Exclude<ControlKind, ControlKind.Deduct>;
  status: ControlStatus;
  agencyKind: AgencyKind;
  assetId?: string;
  respondentIdNumber: string;
  holder: string;
  identifier: string;
  description: string;
  /** what the order asked (money) or the property's value */
  requestedFen: Fen;
  /** what is controlled now: the frozen balance left, or the property's value */
  amountFen: Fen;
  /** transferred out of this freeze into the case account so far */
  deductedFen: Fen;
  /** the term's length in months (民诉解释 Art 485), once in force */
  termMonths?: number;
  effectiveOn?: string;
  /** the last day in force; the control lapses the day after unless renewed */
  expiresOn?: string;
  daysToExpiry?: number;
  renewals: number;
  /** for a 轮候 control: the other court's case ahead in line */
  queuedBehind?: string;
  orderedAt: string;
  endedOn?: string;
  endReason?: ControlEndReason;
  agencyNote?: string;
  /** a deduction or release of this control waiting for the director (待审批), and who asked */
  pendingApproval?: PendingControlApprovalView;
  /** 已移交拍卖: handed to the disposal stage, when and by whom */
  handedToAuction?: { at: string; by: string; byName: string };
  /**
   * 保全转执行: the 执保 case this control was ordered in, carried into this execution case with its
   * running term (民诉解释 Art 168)
   */
  carriedFromCaseId?: string;
}
