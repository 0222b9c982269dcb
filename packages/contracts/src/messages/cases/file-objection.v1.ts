import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { PartyInput } from './register-case.v1.js';

/**
 * `cases.objection.file` v1 — 执行异议: an objection gets its own 执异 case, linked to the case it objects
 * in, with a 15-day decision deadline (民诉法 2023 Arts 236, 238). A third party's objection naming an
 * asset stops its sale until decided.
 */
export class FileObjectionCommand {
  @IsString()
  @Length(8, 100)
  requestKey!: string;

  @IsUUID()
  targetCaseId!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PartyInput)
  objector!: PartyInput;

  /** 案外人异议 (a third party claiming the asset) rather than a party's objection to an act */
  @IsBoolean()
  thirdParty!: boolean;

  /** the asset objected to, as asset-control names it */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  assetRef?: string;

  @IsString()
  @Length(2, 2000)
  grounds!: string;
}
