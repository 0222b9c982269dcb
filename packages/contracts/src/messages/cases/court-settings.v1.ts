import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CaseType, Track } from '../../enums.js';
import type { FlowNode } from '../../enums.js';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

/** A team of officers (执行团队) taking the cases of one track; officers by username. */
export class TeamInput {
  @IsString()
  @Length(1, 50)
  id!: string;

  @IsString()
  @Length(1, 50)
  name!: string;

  @IsEnum(Track)
  track!: Track;

  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  officerIds!: string[];
}

/** 繁简分流 rules (local practice). */
export class TriageRulesInput {
  @IsFen()
  fastTrackMaxClaimFen!: Fen;

  @IsArray()
  @IsEnum(CaseType, { each: true })
  ordinaryTrackCaseTypes!: CaseType[];

  @IsArray()
  @IsEnum(CaseType, { each: true })
  fastTrackCaseTypes!: CaseType[];

  @IsBoolean()
  fastTrackWhenDepositsCoverClaim!: boolean;
}

/** Days allowed for each flow node from its start; a node left out keeps the seed court's figure. */
export class NodeDeadlineDaysInput {
  @IsOptional() @IsInt() @Min(0) @Max(365) INTAKE?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) ASSET_INQUIRY?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) CONTROL_AND_ANALYSIS?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) DISPOSAL?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) FUNDS?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) ADJUDICATION?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) SERVICE_OF_DOCUMENTS?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) ENTRUSTED?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) SUPERVISION?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) RESUMPTION?: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) CLOSURE?: number;
}

/** `cases.settings.get` v1 — the actor's court's settings, the seed court's figures where unset. */
export class GetCourtSettingsQuery {}

/**
 * `cases.settings.put` v1 — the director sets the court's own figures where the law leaves room. A
 * deadline the law fixes may be set shorter, never longer.
 */
export class PutCourtSettingsCommand {
  @IsDefined()
  @ValidateNested()
  @Type(() => TriageRulesInput)
  triage!: TriageRulesInput;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamInput)
  teams!: TeamInput[];

  @IsDefined()
  @ValidateNested()
  @Type(() => NodeDeadlineDaysInput)
  nodeDeadlineDays!: NodeDeadlineDaysInput;

  /** public holidays, YYYY-MM-DD */
  @IsArray()
  @ArrayMaxSize(400)
  @IsDateString({ strict: true }, { each: true })
  holidays!: string[];

  /** make-up working days on weekends (调休), YYYY-MM-DD */
  @IsArray()
  @ArrayMaxSize(100)
  @IsDateString({ strict: true }, { each: true })
  workingWeekends!: string[];
}

export interface CourtSettingsView {
  courtCode: string;
  triage: {
    fastTrackMaxClaimFen: Fen;
    ordinaryTrackCaseTypes: CaseType[];
    fastTrackCaseTypes: CaseType[];
    fastTrackWhenDepositsCoverClaim: boolean;
  };
  teams: { id: string; name: string; track: Track; officerIds: string[] }[];
  nodeDeadlineDays: Partial<Record<FlowNode, number>>;
  holidays: string[];
  workingWeekends: string[];
  /** when the court last set them; absent while it runs on the defaults */
  updatedAt?: string;
  updatedBy?: string;
}
