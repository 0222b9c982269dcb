import { IsEnum, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AssetClass, type AgencyKind } from '../../enums.js';
import type { Fen } from '../../money.js';
import { IsAgencyKindCode, IsFen } from '../../validation/decorators.js';

/** What asset-control asks a holding agency to do with one record. STATUS asks where a queued one stands. */
export const AGENCY_CONTROL_ACTIONS = [
  'FREEZE',
  'SEIZE',
  'DISTRAIN',
  'DEDUCT',
  'RENEW',
  'RELEASE',
  'STATUS',
] as const;
export type AgencyControlAction = (typeof AGENCY_CONTROL_ACTIONS)[number];

/**
 * `agency.<kind>.control` v1 — asset-control sends an electronic control order (冻结、查封、扣押、扣划、
 * 续行、解除) to the agency holding a record, through the network or the sandbox standing in for it.
 * One subject per agency kind (a responder may serve them all with `agency.*.control`). The order is
 * in force only when the agency answers DONE.
 */
export class AgencyControlRequest {
  /** the control's own id: the agency's record of the order, and a repeat answers the same */
  @IsString()
  @Length(1, 100)
  controlId!: string;

  @IsAgencyKindCode()
  kind!: AgencyKind;

  /** what the law treats the record as (the catalog's word when the control was ordered) */
  @IsEnum(AssetClass)
  assetClass!: AssetClass;

  @IsIn(AGENCY_CONTROL_ACTIONS)
  action!: AgencyControlAction;

  /** whose record: the respondent's 居民身份证号码 or 统一社会信用代码 */
  @IsString()
  @Length(18, 18)
  subjectIdNumber!: string;

  /** account number, certificate number, plate, ... as the agency reported it */
  @IsString()
  @Length(1, 200)
  identifier!: string;

  /**
   * RENEW, RELEASE, DEDUCT: the court's id of this one follow-up order. The agency carries out an action
   * id once and answers a repeat with its first answer, so a re-sent release or deduction is never
   * applied twice (no money moves twice).
   */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  actionId?: string;

  /** FREEZE: the amount to freeze; DEDUCT: the amount to transfer; RELEASE: the part to unfreeze (absent: all) */
  @IsOptional()
  @IsFen()
  amountFen?: Fen;

  @IsString()
  @Length(1, 60)
  caseNumber!: string;

  @IsString()
  @Length(1, 20)
  courtCode!: string;
}

export interface AgencyControlReply {
  controlId: string;
  kind: AgencyKind;
  action: AgencyControlAction;
  /** DONE: carried out; QUEUED: 轮候 behind another court; REFUSED: not carried out (see reason) */
  outcome: 'DONE' | 'QUEUED' | 'REFUSED';
  /** FREEZE: what was actually frozen (may be less than asked); DEDUCT: what was transferred; RELEASE: what was unfrozen */
  amountFen: Fen;
  reason?: string;
  /** for QUEUED: the case of the court holding the property first */
  heldBy?: string;
  answeredAt: string;
}

/**
 * `agency.sandbox.release-hold` v1 — tests and demos let the other court release its hold on a record
 * (the first seizure in a 轮候 line), as it would happen outside Writ.
 */
export interface SandboxReleaseHoldRequest {
  kind: AgencyKind;
  identifier: string;
}

export interface SandboxReleaseHoldReply {
  kind: AgencyKind;
  identifier: string;
  /** false when the sandbox had no other court's hold on the record */
  released: boolean;
}
