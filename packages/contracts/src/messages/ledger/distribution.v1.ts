import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Fen } from '../../money.js';
import { IsFen } from '../../validation/decorators.js';

export const CLAIM_RANKS = ['SECURED', 'PRIORITY', 'ORDINARY'] as const;
export type ClaimRankName = (typeof CLAIM_RANKS)[number];

export class DistributionClaimInput {
  @IsString()
  @Length(1, 64)
  creditorId!: string;

  @IsString()
  @Length(1, 200)
  creditorName!: string;

  @IsFen({ positive: true })
  claimFen!: Fen;

  /** SECURED/PRIORITY are paid in full first (民诉解释 Art 508), ORDINARY pro rata */
  @IsIn(CLAIM_RANKS)
  rank!: ClaimRankName;

  /** among secured or priority claims, the lower the earlier */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  order?: number;
}

/**
 * `ledger.distribution.propose` v1 — 参与分配: the plan for a case's money among several creditors
 * (民诉解释 2022 Arts 506–510): costs of execution (the execution fee) first, then secured and priority
 * claims, then ordinary claims pro rata to the fen. Served on `servedOn`; objections within 15 days.
 * The amount distributed is what the case account holds now. A new plan supersedes the case's earlier one.
 */
export class ProposeDistributionCommand {
  @IsString()
  @Length(8, 200)
  idempotencyKey!: string;

  @IsUUID()
  caseId!: string;

  /** the day the plan was served on the creditors and the debtor (default today) */
  @IsOptional()
  @IsDateString({ strict: true })
  servedOn?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DistributionClaimInput)
  claims!: DistributionClaimInput[];
}

/** `ledger.distribution.object` v1 — a creditor's or the debtor's written objection (Art 509), within 15 days. */
export class ObjectToDistributionCommand {
  @IsUUID()
  planId!: string;

  @IsString()
  @Length(1, 200)
  objector!: string;

  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/**
 * `ledger.distribution.decide-objection` v1 — the court's decision on an objection (Art 510): upheld →
 * the plan is revised (with `claims`, re-served today: a new window opens); dismissed → the plan stands.
 */
export class DecideDistributionObjectionCommand {
  @IsUUID()
  planId!: string;

  @IsUUID()
  objectionId!: string;

  @IsBoolean()
  uphold!: boolean;

  @IsString()
  @Length(1, 1000)
  decision!: string;

  /** for an upheld objection: the revised claims */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DistributionClaimInput)
  claims?: DistributionClaimInput[];
}

/** `ledger.distribution.get` v1 — the case's current plan. */
export class GetDistributionQuery {
  @IsUUID()
  caseId!: string;
}

export interface DistributionAllocationView {
  creditorId: string;
  creditorName: string;
  claimFen: Fen;
  rank: ClaimRankName;
  order?: number;
  allocatedFen: Fen;
  /** approved or paid under the plan so far */
  paidFen: Fen;
}

export interface DistributionObjectionView {
  id: string;
  objector: string;
  reason: string;
  filedOn: string;
  status: 'OPEN' | 'UPHELD' | 'DISMISSED';
  decision?: string;
  decidedOn?: string;
  decidedBy?: string;
}

export interface DistributionPlanView {
  id: string;
  caseId: string;
  courtCode: string;
  revision: number;
  servedOn: string;
  objectionDeadline: string;
  status: 'OBJECTION_WINDOW' | 'OBJECTED' | 'CONFIRMED' | 'SUPERSEDED';
  amountFen: Fen;
  costsFen: Fen;
  surplusFen: Fen;
  allocations: DistributionAllocationView[];
  objections: DistributionObjectionView[];
  replayed?: boolean;
}
