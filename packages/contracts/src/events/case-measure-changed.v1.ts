import type { MeasureKind, MeasureStatus } from '../enums.js';

/** `case.measure.changed` v1 — a coercive measure came into force or was lifted (失信, 限消, ...). */
export interface CaseMeasureChangedV1 {
  caseId: string;
  measureId: string;
  kind: MeasureKind;
  status: MeasureStatus;
  respondentIdNumber: string;
  on: string;
}
