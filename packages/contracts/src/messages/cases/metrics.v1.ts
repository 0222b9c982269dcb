import { IsDateString, Length } from 'class-validator';
import type { CaseType, ClosureType, PerformanceMode } from '../../enums.js';
import type { Fen } from '../../money.js';

/**
 * `cases.metrics.get` v1 — the leader dashboard (via the gateway) asks case-intake for its court's
 * enforcement figures over a period (DOMAIN.md §12). Court staff only; the court is the actor's.
 * `from` ≤ `to`, at most five years apart.
 */
export class GetMetricsQuery {
  /** the period's first day, YYYY-MM-DD (Asia/Shanghai) */
  @IsDateString({ strict: true })
  @Length(10, 10)
  from!: string;

  /** the period's last day, YYYY-MM-DD, counted in full */
  @IsDateString({ strict: true })
  @Length(10, 10)
  to!: string;
}

/**
 * A share with what it is made of, so the dashboard can show "3,510 / 3,817". `value` is the fraction
 * (0.9196, not 91.96), or null when the denominator is 0.
 */
export interface RateView {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** One of the targets 三个90%、一个80%: its threshold and whether the court meets it. */
export interface TargetView {
  /** the fraction to reach, e.g. 0.9 */
  threshold: number;
  /** false while the figure belongs to a stage that does not supply it yet */
  available: boolean;
  /** null when not available */
  rate: RateView | null;
  /** null when not available or nothing was counted */
  met: boolean | null;
}

export interface CourtMetricsView {
  courtCode: string;
  from: string;
  to: string;
  /** the case types counted: implementation cases (执行实施: 执, 执恢, 执保); review cases are not */
  caseTypes: CaseType[];
  caseload: {
    /** 旧存: received before the period and still open at its start */
    carriedOver: number;
    /** 新收 */
    received: number;
    receivedClaimFen: Fen;
    /** 已结 within the period */
    closed: number;
    /** 未结 at the period's end */
    pending: number;
  };
  rates: {
    /** 结案率 = closed ÷ (carried over + received) */
    closure: RateView;
    /** 实际执结率 = 执行完毕 (by execution, voluntary performance or settlement) ÷ closed */
    actualExecution: RateView;
    /** 法定期限内执结率 = closed within the statutory period ÷ closed */
    inDeadline: RateView;
    /** 执行标的到位率 = fen recovered ÷ fen claimed, over the cases closed in the period */
    recovery: RateView;
    /** 终结率 = 终结执行 ÷ closed */
    termination: RateView;
  };
  /** 三个90%、一个80% */
  targets: {
    /** (1) cases with property: 执行完毕 within the statutory period ÷ closed, ≥ 90% */
    propertyCasesExecuted: TargetView;
    /** (2) 终本合格率: qualified 终本 ÷ 终本 closures, ≥ 90% */
    zhongbenQualified: TargetView;
    /** (3) 信访办结率 ≥ 90%: supplied by the petitions stage; unavailable until then */
    petitionSettlement: TargetView;
    /** (4) 三年整体结案率 over `threeYearWindow`, ≥ 80% */
    threeYearClosure: TargetView;
  };
  /** the three years ending on `to` */
  threeYearWindow: { from: string; to: string };
  /** every closure type, in a fixed order, with its count in the period */
  closuresByType: { closureType: ClosureType; count: number }[];
  /** 执行完毕 closures by how the debt was performed */
  fullyExecutedByMode: { performanceMode: PerformanceMode; count: number }[];
  /** each calendar month the period touches (YYYY-MM), counting only the period's days */
  months: { month: string; received: number; closed: number }[];
}

export type GetMetricsReply = CourtMetricsView;
