import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsDefined,
  IsObject,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BasisKind, CaseType, JurisdictionGround, PartyKind } from '../../enums.js';
import type { Fen } from '../../money.js';
import { IsFen, IsPartyIdNumber, IsResidentIdNumber, OrganisationOnly } from '../../validation/decorators.js';
import type { CaseDetail } from './case-views.js';

/** A natural person standing for an organisation party: its 法定代表人. */
export class LinkedPersonInput {
  @IsString()
  @Length(1, 100)
  name!: string;

  /** 居民身份证号码 */
  @IsString()
  @IsResidentIdNumber()
  idNumber!: string;
}

/** A party as named in the application (申请执行人 or 被执行人). */
export class PartyInput {
  @IsEnum(PartyKind)
  kind!: PartyKind;

  @IsString()
  @Length(1, 100)
  name!: string;

  /** 居民身份证号码 or 统一社会信用代码, by kind */
  @IsString()
  @IsPartyIdNumber()
  idNumber!: string;

  /**
   * An organisation's legal representative (法定代表人): measures reach the person too (限制消费, 限制出境 —
   * DOMAIN.md §9), and asset-control asks the kinds that reach linked persons about them. Only for an
   * organisation.
   */
  @IsOptional()
  @OrganisationOnly()
  @IsObject()
  @ValidateNested()
  @Type(() => LinkedPersonInput)
  legalRepresentative?: LinkedPersonInput;
}

/** The enforcement basis (执行依据): the judgment or other document being enforced. */
export class BasisDocumentInput {
  /** e.g. （2025）辽1104民初88号 */
  @IsString()
  @Length(1, 60)
  documentNumber!: string;

  @IsString()
  @Length(1, 60)
  issuingCourt!: string;

  /** the date the document took effect (生效日期), YYYY-MM-DD */
  @IsDateString({ strict: true })
  @Length(10, 10)
  effectiveDate!: string;

  /** 判决/仲裁/公证/非诉; defaults to a judgment */
  @IsOptional()
  @IsEnum(BasisKind)
  kind?: BasisKind;

  /** the last day the debtor had to perform (履行期限届满日); defaults to the effective date */
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  performanceDueDate?: string;
}

/**
 * `cases.case.register` v1 — the gateway (on an officer's 立案) asks case-intake to register a case.
 * Replies with the registered case; emits `case.registered`.
 */
export class RegisterCaseCommand {
  /** Idempotency key: the same key with the same content returns the first registration. */
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsEnum(CaseType)
  caseType!: CaseType;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => BasisDocumentInput)
  basis!: BasisDocumentInput;

  @IsDefined()
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Type(() => PartyInput)
  applicants!: PartyInput[];

  @IsDefined()
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Type(() => PartyInput)
  respondents!: PartyInput[];

  /** the day the application reached the court (收到申请之日); defaults to today */
  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  applicationDate?: string;

  /** why this court may enforce; defaults to 第一审人民法院 */
  @IsOptional()
  @IsEnum(JurisdictionGround)
  jurisdictionGround?: JurisdictionGround;

  /** 申请执行标的额, in fen */
  @IsFen({ positive: true })
  claimAmountFen!: Fen;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /**
   * For a 执 case: the 执保 case of this court against the same respondents whose controls become this
   * case's, their terms running on (保全转执行, 民诉解释 Art 168).
   */
  @IsOptional()
  @IsUUID()
  preservationCaseId?: string;
}

export type RegisterCaseReply = CaseDetail;
