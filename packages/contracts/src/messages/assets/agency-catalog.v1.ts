import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  Length,
} from 'class-validator';
import { AssetClass, PartyKind, type AgencyKind } from '../../enums.js';
import { IsAgencyKindCode } from '../../validation/decorators.js';

/**
 * One agency kind of the catalog (查控渠道): what it is called, what the law treats its records as,
 * whom it can be asked about, and whether it is a national (总对总) or a province's own (点对点) source.
 */
export interface AgencyKindView {
  code: AgencyKind;
  nameZh: string;
  nameEn: string;
  assetClass: AssetClass;
  /** which respondents it can be asked about (e.g. marriage records exist only for natural persons) */
  appliesTo: PartyKind[];
  /** asked also about the legal representative of an organisation respondent (e.g. exit-entry) */
  reachesLinkedPersons: boolean;
  /** null: national 总对总; otherwise the province character (e.g. 辽) whose courts use it */
  province: string | null;
  /** a deactivated kind is asked no more; it stays in the catalog because inquiries name it */
  active: boolean;
  updatedAt: string;
}

/**
 * `assets.agency-kinds.list` v1 — the agency kinds a court's inquiries go to: the national ones and
 * its own province's, active or not. Court staff only.
 */
export class ListAgencyKindsQuery {
  /** leave out deactivated kinds */
  @IsOptional()
  @IsBoolean()
  activeOnly?: boolean;
}

export interface ListAgencyKindsReply {
  courtCode: string;
  /** the province of the asking court: the first character of its court code */
  province: string;
  kinds: AgencyKindView[];
}

/**
 * `assets.agency-kinds.put` v1 — the enforcement director (执行局长) adds or changes a provincial
 * source of the court's own province (点对点), or deactivates one. National kinds are not changed here.
 * A kind keeps its asset class once defined: controls and reports rely on it. Audited.
 */
export class PutAgencyKindCommand {
  @IsAgencyKindCode()
  code!: AgencyKind;

  @IsString()
  @Length(1, 40)
  nameZh!: string;

  @IsString()
  @Length(1, 80)
  nameEn!: string;

  @IsEnum(AssetClass)
  assetClass!: AssetClass;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsEnum(PartyKind, { each: true })
  appliesTo!: PartyKind[];

  @IsBoolean()
  reachesLinkedPersons!: boolean;

  @IsBoolean()
  active!: boolean;
}
