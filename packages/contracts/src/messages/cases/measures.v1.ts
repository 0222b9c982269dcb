import { Type, type TypeHelpOptions } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import {
  DishonestGround,
  MeasureKind,
  type ApprovalStatus,
  type MeasureStatus,
  type Role,
} from '../../enums.js';
import { residentIdNumberProblem } from '../../ids.js';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

/** A 居民身份证 number that passes GB 11643-1999 (date and MOD 11-2 check digit). */
function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && residentIdNumberProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? residentIdNumberProblem(value) : 'must be a string';
          return `${args?.property ?? 'idNumber'} (居民身份证号码) ${problem ?? 'is invalid'}`;
        },
      },
    });
}

/** A natural person a measure on an organisation reaches: its legal representative or a responsible person. */
export interface PersonRef {
  name: string;
  /** 居民身份证号码 */
  idNumber: string;
}

/** 执行通知书 with 报告财产令 (issued together). */
export interface ExecutionNoticeDetails {
  /** the notice's document number (文书编号), when the court numbers it */
  documentNumber?: string;
}

/** 限制消费令. */
export interface ConsumptionRestrictionDetails {
  /** for an organisation: its 法定代表人, whom the order covers too (限制消费规定 2015 Art 3) */
  legalRepresentative?: PersonRef;
}

/** 纳入失信被执行人名单. */
export interface DishonestListingDetails {
  ground: DishonestGround;
  /** years added to the 2-year term in serious cases, 1–3 (失信名单规定 2017 Art 2) */
  extensionYears?: number;
  /** 宽限期 before the listing takes effect, 1–3 months */
  graceMonths?: number;
}

/** 罚款. */
export interface FineDetails {
  amountFen: Fen;
}

/** 司法拘留. */
export interface DetentionDetails {
  days: number;
  /** for an organisation: the 主要负责人 or 直接责任人员 detained */
  responsiblePerson?: PersonRef;
}

/** 限制出境. */
export interface ExitRestrictionDetails {
  /** on the applicant's request (依申请) rather than the court's own motion (依职权) */
  onApplication: boolean;
  /** for an organisation: the 法定代表人、主要负责人 or 直接责任人员 restricted */
  responsiblePerson?: PersonRef;
}

/** 悬赏公告. */
export interface RewardNoticeDetails {
  /** the reward offered, paid out of what is recovered */
  rewardFen: Fen;
  /** the day the applicant asked for the notice (申请悬赏), from which the 10-day decision runs */
  requestedOn: string;
}

/** 移送拒执罪 (刑法 Art 313). */
export interface RefusalReferralDetails {
  /** the facts of the refusal, as referred */
  facts: string;
  /** the public-security organ the case goes to */
  receivingAuthority?: string;
}

export interface MeasureDetailsByKind {
  [MeasureKind.ExecutionNotice]: ExecutionNoticeDetails;
  [MeasureKind.ConsumptionRestriction]: ConsumptionRestrictionDetails;
  [MeasureKind.DishonestListing]: DishonestListingDetails;
  [MeasureKind.Fine]: FineDetails;
  [MeasureKind.Detention]: DetentionDetails;
  [MeasureKind.ExitRestriction]: ExitRestrictionDetails;
  [MeasureKind.RewardNotice]: RewardNoticeDetails;
  [MeasureKind.RefusalReferral]: RefusalReferralDetails;
}

export type MeasureDetails = MeasureDetailsByKind[MeasureKind];

export class PersonRefInput implements PersonRef {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @IsResidentIdNumber()
  idNumber!: string;
}

class ExecutionNoticeDetailsInput implements ExecutionNoticeDetails {
  @IsOptional()
  @IsString()
  @Length(1, 60)
  documentNumber?: string;
}

class ConsumptionRestrictionDetailsInput implements ConsumptionRestrictionDetails {
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonRefInput)
  legalRepresentative?: PersonRefInput;
}

class DishonestListingDetailsInput implements DishonestListingDetails {
  @IsEnum(DishonestGround)
  ground!: DishonestGround;

  // the ranges are the law's and are checked as rules, so a refusal names them
  @IsOptional()
  @IsInt()
  extensionYears?: number;

  @IsOptional()
  @IsInt()
  graceMonths?: number;
}

class FineDetailsInput implements FineDetails {
  // the legal range depends on who is fined and is checked as a rule, so a refusal names it
  @IsFen({ positive: true })
  amountFen!: Fen;
}

class DetentionDetailsInput implements DetentionDetails {
  // at most 15 days is the law's limit, checked as a rule
  @IsInt()
  days!: number;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonRefInput)
  responsiblePerson?: PersonRefInput;
}

class ExitRestrictionDetailsInput implements ExitRestrictionDetails {
  @IsBoolean()
  onApplication!: boolean;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonRefInput)
  responsiblePerson?: PersonRefInput;
}

class RewardNoticeDetailsInput implements RewardNoticeDetails {
  @IsFen({ positive: true })
  rewardFen!: Fen;

  @IsDateString({ strict: true })
  @Length(10, 10)
  requestedOn!: string;
}

class RefusalReferralDetailsInput implements RefusalReferralDetails {
  @IsString()
  @Length(1, 2000)
  facts!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  receivingAuthority?: string;
}

/** The details class for each kind: `details` is validated by the kind named beside it. */
const DETAILS_INPUT_BY_KIND: Record<MeasureKind, new () => object> = {
  [MeasureKind.ExecutionNotice]: ExecutionNoticeDetailsInput,
  [MeasureKind.ConsumptionRestriction]: ConsumptionRestrictionDetailsInput,
  [MeasureKind.DishonestListing]: DishonestListingDetailsInput,
  [MeasureKind.Fine]: FineDetailsInput,
  [MeasureKind.Detention]: DetentionDetailsInput,
  [MeasureKind.ExitRestriction]: ExitRestrictionDetailsInput,
  [MeasureKind.RewardNotice]: RewardNoticeDetailsInput,
  [MeasureKind.RefusalReferral]: RefusalReferralDetailsInput,
};

/** Kinds whose details carry nothing required, so `details` may be left out. */
const KINDS_WITHOUT_REQUIRED_DETAILS: readonly MeasureKind[] = [
  MeasureKind.ExecutionNotice,
  MeasureKind.ConsumptionRestriction,
];

function detailsInputOf(options?: TypeHelpOptions): new () => object {
  const kind = (options?.object as { kind?: unknown } | undefined)?.kind;
  return DETAILS_INPUT_BY_KIND[kind as MeasureKind] ?? ExecutionNoticeDetailsInput;
}

/**
 * `cases.measure.decide` v1 — an officer decides a coercive measure or credit punishment against a
 * respondent (执行通知, 限消, 失信, 罚款, 拘留, 限制出境, 悬赏, 移送拒执). One that needs the president's or
 * the director's approval waits for it (PENDING_APPROVAL); the others take effect at once. A repeated
 * request key answers with the first measure. Emits `case.measure.changed` when a measure comes into force.
 */
export class DecideMeasureCommand {
  /** Idempotency key: the same key with the same content returns the first decision. */
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  caseId!: string;

  @IsEnum(MeasureKind)
  kind!: MeasureKind;

  /** the respondent's 居民身份证号码 or 统一社会信用代码, as registered on the case */
  @IsString()
  @Length(18, 18)
  respondentIdNumber!: string;

  /** by kind: see `MeasureDetailsByKind` */
  @ValidateIf(
    (command: DecideMeasureCommand) =>
      command.details !== undefined || !KINDS_WITHOUT_REQUIRED_DETAILS.includes(command.kind),
  )
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(detailsInputOf)
  details?: object;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/**
 * `cases.measure.lift` v1 — lifts a measure in force (解除限制消费、删除失信信息、提前解除拘留, ...). The
 * day the removal ground arose starts the 3-working-day deletion period of a 失信 listing; a late
 * removal is recorded, not refused. Emits `case.measure.changed`.
 */
export class LiftMeasureCommand {
  @IsUUID()
  measureId!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;

  /** the day the removal ground arose (e.g. the debt was paid); defaults to today */
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  groundOccurredOn?: string;
}

/** `cases.measure.list` v1 — every measure of one case of the actor's court, oldest first. */
export class ListMeasuresQuery {
  @IsUUID()
  caseId!: string;
}

/** The approval a measure waited for, as decided. */
export interface MeasureApprovalView {
  id: string;
  requiredRole: Role;
  status: ApprovalStatus;
  decidedBy?: string;
  /** ISO timestamp */
  decidedAt?: string;
  comment?: string;
}

/** A measure as case-intake keeps it. Dates are Asia/Shanghai YYYY-MM-DD. */
export interface MeasureView {
  id: string;
  caseId: string;
  kind: MeasureKind;
  respondentIdNumber: string;
  status: MeasureStatus;
  details: MeasureDetails;
  note?: string;
  /** the day the officer decided it, and who */
  decidedOn: string;
  decidedBy: string;
  /** for a notice or a reward notice: the last day the law allows for it, and whether it came later */
  dueOn?: string;
  late?: boolean;
  /** the first day it binds (a 失信 listing's grace period comes before it) */
  inForceFrom?: string;
  /** the last day of a detention; the day a 失信 listing's term ends (none for ABLE_BUT_REFUSES) */
  termUntil?: string;
  liftedOn?: string;
  liftedBy?: string;
  liftReason?: string;
  /** for a lifted 失信 listing: the last day the deletion was due, and whether it came later */
  removalDueOn?: string;
  removedLate?: boolean;
  /** the approval request it waited for (also expanded in `approval`) */
  approvalId?: string;
  approval?: MeasureApprovalView;
}

export type DecideMeasureReply = MeasureView;
export type LiftMeasureReply = MeasureView;

export interface ListMeasuresReply {
  items: MeasureView[];
}
