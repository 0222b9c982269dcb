import type { AlertKind } from '../enums.js';

/** `case.alert.raised` v1 — a supervision alert: a case or one of its steps is due or overdue. */
export interface CaseAlertRaisedV1 {
  alertId: string;
  kind: AlertKind;
  caseId: string;
  caseNumber: string;
  /** the officer the case is assigned to, if any */
  officerId?: string;
  dueOn: string;
  message: string;
}
