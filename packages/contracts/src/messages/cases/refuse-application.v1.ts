import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsDefined,
  IsObject,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { BasisDocumentInput, PartyInput } from './register-case.v1.js';

/**
 * `cases.application.refuse` v1 — 裁定不予受理: the court refuses an application, with its reasons,
 * within 7 days of receiving it (执行工作规定 2020 Art 16). No case number is taken.
 */
export class RefuseApplicationCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsDateString({ strict: true })
  @Length(10, 10)
  applicationDate!: string;

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
  @ArrayMaxSize(50)
  @Type(() => PartyInput)
  respondents!: PartyInput[];

  /** each reason the application fails, in words the applicant is told */
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 500, { each: true })
  reasons!: string[];
}

export interface IntakeRefusalView {
  id: string;
  courtCode: string;
  applicationDate: string;
  decidedOn: string;
  /** decided within the 7 days */
  withinDeadline: boolean;
  reasons: string[];
  applicantNames: string[];
  decidedBy: string;
}
