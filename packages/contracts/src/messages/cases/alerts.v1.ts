import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { AlertKind } from '../../enums.js';

/** `cases.alert.list` v1 — open supervision alerts of the actor's court (or only the actor's cases). */
export class ListAlertsQuery {
  /** only alerts on cases assigned to the asking officer */
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @IsOptional()
  @IsEnum(AlertKind)
  kind?: AlertKind;
}

export interface AlertView {
  id: string;
  kind: AlertKind;
  caseId: string;
  caseNumber: string;
  officerId?: string;
  dueOn: string;
  message: string;
  raisedAt: string;
}

export interface ListAlertsReply {
  items: AlertView[];
}

/**
 * `cases.alert.scan` v1 — looks for what is due or overdue now and raises alerts not raised before
 * (each alert once). The service also runs it on a timer.
 */
export class ScanAlertsCommand {}

export interface ScanAlertsReply {
  raised: number;
  resolved: number;
}
