import { IsUUID } from 'class-validator';
import type { ResearchStatus } from '../../enums.js';
import type { Fen } from '../../money.js';

/**
 * `assets.research.scan` v1 — starts the re-searches of 终本 cases that are due today (every 6 months
 * for 5 years, DOMAIN.md §4). The service also runs it on a timer (RESEARCH_SCAN_INTERVAL_MS).
 */
export class ScanResearchCommand {}

export interface ScanResearchReply {
  /** rounds started by this scan */
  started: number;
  /** schedules that reached their 5 years with this scan */
  ended: number;
}

/** `assets.research.get` v1 — the re-search schedule of a 终本 case and its rounds. */
export class GetResearchQuery {
  @IsUUID()
  caseId!: string;
}

export interface ResearchRoundView {
  /** 1 for the first re-search; round 0 is the inquiry at registration */
  round: number;
  startedAt: string;
  completedAt?: string;
  /** executable property (a balance or estimate above 0) this round found */
  assetsFound?: number;
  totalValueFen?: Fen;
  /** when `asset.property.found-after-closure` was announced for this round */
  announcedAt?: string;
}

export interface ResearchScheduleView {
  caseId: string;
  caseNumber: string;
  status: ResearchStatus;
  closedOn: string;
  /** the last day a round may fall on: closedOn + 5 years */
  endsOn: string;
  /** absent once the schedule is stopped or ended */
  nextDueOn?: string;
  stoppedOn?: string;
  stoppedReason?: string;
  rounds: ResearchRoundView[];
}

/** null when the case has no re-search schedule in the actor's court */
export type GetResearchReply = ResearchScheduleView | null;
