import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CaseStatus } from '../../enums.js';
import type { CaseSummary } from './case-views.js';

/** `cases.case.list` v1 — a page of the actor's court's cases, newest first. */
export class ListCasesQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;

  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;
}

export interface ListCasesReply {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
}
