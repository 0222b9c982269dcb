import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { keyedNumbers, KEYED_NUMBERS_PATTERN, loadConfig } from '@writ/platform';

/** The payout side's settings: thresholds and deadlines; the defaults suit `npm start`. */
export class FlowsConfig {
  /**
   * A payout strictly above this many fen needs the director's second approval (双人审批) — a court's
   * internal control, not national law. Default ¥500,000: the same line asset-control draws for a
   * deduction (CONTROL_DEDUCT_APPROVAL_FEN), so the director who signed a large sum in signs it out, and
   * the bulk of a basic court's payouts (small civil claims) go out on the fund manager's word alone.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  PAYOUT_SECOND_APPROVAL_FEN: number = 50_000_000;

  /** per-court thresholds, `court=fen` pairs, e.g. `辽1104=20000000` */
  @IsOptional()
  @Matches(KEYED_NUMBERS_PATTERN, {
    message: 'PAYOUT_SECOND_APPROVAL_FEN_BY_COURT must read court=fen,court=fen',
  })
  PAYOUT_SECOND_APPROVAL_FEN_BY_COURT?: string;

  /** days from arrival to payout (执行款物管理规定 2017: 30) */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  PAYOUT_DEADLINE_DAYS: number = 30;

  /** shorter deadlines by province (the first character of the court code), e.g. `辽=20`; above 30 is cut to 30 */
  @IsOptional()
  @Matches(KEYED_NUMBERS_PATTERN, {
    message: 'PAYOUT_DEADLINE_DAYS_BY_PROVINCE must read province=days,province=days',
  })
  PAYOUT_DEADLINE_DAYS_BY_PROVINCE?: string;

  /** a receipt is due soon this many days before its deadline */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  PAYOUT_ALERT_DAYS: number = 5;

  /** how often the timer raises due-soon alerts; 0 = only on request (`ledger.payout.scan`) */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  PAYOUT_ALERT_SCAN_MS: number = 3_600_000;

  /** 对账: a bank line matches an entry posted within this many days of it */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(31)
  RECONCILIATION_DATE_WINDOW_DAYS: number = 3;
}

export function loadFlowsConfig(env: NodeJS.ProcessEnv): FlowsConfig {
  return loadConfig(FlowsConfig, env);
}

export function secondApprovalFen(config: FlowsConfig, courtCode: string): number {
  return (
    keyedNumbers(config.PAYOUT_SECOND_APPROVAL_FEN_BY_COURT).get(courtCode) ??
    config.PAYOUT_SECOND_APPROVAL_FEN
  );
}

export function deadlineDaysByProvince(config: FlowsConfig): Map<string, number> {
  return keyedNumbers(config.PAYOUT_DEADLINE_DAYS_BY_PROVINCE);
}
