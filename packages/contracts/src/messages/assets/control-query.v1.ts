import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Fen } from '../../money.js';
import type { ControlView } from './control-order.v1.js';

/** `assets.control.list` v1 — a case's controls with their terms, and its over-control limit. */
export class ListControlsQuery {
  @IsUUID()
  caseId!: string;
}

export interface CaseControlsView {
  caseId: string;
  caseNumber?: string;
  /** the claim as registered, and the execution fee (诉讼费用交纳办法 Art 14) */
  claimFen: Fen;
  costsFen: Fen;
  /**
   * what has come in for the case: the ledger's receipts, plus confirmed deductions (扣划) the ledger
   * has not booked yet
   */
  recoveredFen: Fen;
  /** claim + costs − recovered */
  owedFen: Fen;
  /** the most the case's controls may come to (查封规定 Art 19), owed × the configured factor */
  limitFen: Fen;
  /** counted against the limit: pending, queued and effective controls */
  controlledFen: Fen;
  /** controlled beyond the limit, once money came in and the limit fell (查封规定 Art 19): to be released */
  excessFen: Fen;
  /** the ledger reported the claim fully paid: what is held is being released */
  fullyPaidOn?: string;
  controls: ControlView[];
}

/** `assets.control.expiring` v1 — the court's controls in force whose term ends within N days (到期预警). */
export class ListExpiringControlsQuery {
  /** default: the service's CONTROL_EXPIRY_ALERT_DAYS (30) */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  withinDays?: number;
}

export interface ExpiringControlView extends ControlView {
  caseNumber: string;
}

export interface ExpiringControlsView {
  withinDays: number;
  asOf: string;
  controls: ExpiringControlView[];
}

/**
 * `assets.control.scan-lapses` v1 — runs the control sweep for the caller's court now (it also runs on a
 * timer for every court): marks unrenewed controls past their term LAPSED, asks the agencies whether
 * queued controls have come into force, and sends releases still owed for closed cases.
 */
export class ScanControlsCommand {}

export interface ScanControlsReply {
  asOf: string;
  lapsed: number;
  becameEffective: number;
  released: number;
}
