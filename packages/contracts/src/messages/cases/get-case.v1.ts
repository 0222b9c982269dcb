import { IsUUID } from 'class-validator';
import type { CaseDetail } from './case-views.js';

/** `cases.case.get` v1 — one case of the actor's court (a party: only their own). */
export class GetCaseQuery {
  @IsUUID()
  caseId!: string;
}

export type GetCaseReply = CaseDetail;
