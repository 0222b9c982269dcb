import type { SuspensionReason } from '../enums.js';

/** `case.suspended` v1 — a case's execution is suspended (中止, 执转破, ...); disposal must stop. */
export interface CaseSuspendedV1 {
  caseId: string;
  caseNumber: string;
  reason: SuspensionReason;
  since: string;
}
