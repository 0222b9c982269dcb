import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { keyedNumbers, KEYED_NUMBERS_PATTERN, loadConfig } from '@writ/platform';

/** asset-control's settings for controls (财产控制); the defaults suit `npm start` and the real network. */
export class ControlConfig {
  /**
   * 查封规定 Art 19 forbids controls that "clearly exceed" the claim and costs without saying by how much:
   * a case's controls may come to at most what is owed times this factor. 1.2 leaves room for the
   * uncertainty of estimated values and for rounding a freeze to whole accounts, and no more.
   */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(1)
  @Max(3)
  CONTROL_OVER_LIMIT_FACTOR: number = 1.2;

  /** how long a holding agency may take to confirm one order */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(120_000)
  CONTROL_AGENCY_TIMEOUT_MS: number = 10_000;

  /** controls ending within this many days are listed as expiring (到期预警) */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  CONTROL_EXPIRY_ALERT_DAYS: number = 30;

  /** how often the sweep marks lapses, asks after queued controls and retries releases, for every court */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(86_400_000)
  CONTROL_SWEEP_MS: number = 60_000;

  /**
   * A deduction (扣划) of at least this many fen waits for the enforcement director (审批). A local
   * practice of internal control, not national law. The default, ¥500,000, is where 诉讼费用交纳办法
   * Art 14's fee schedule leaves its first band (a "large" claim), and sits far above the typical
   * deposit deducted at a basic court (300+ cases per officer a year): the director signs the few large
   * transfers, not every small one. 0 makes every deduction wait.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  CONTROL_DEDUCT_APPROVAL_FEN: number = 50_000_000;

  /**
   * Per-court thresholds over the default, as `court=fen` pairs separated by commas, e.g.
   * `辽1104=20000000,辽1103=100000000`.
   */
  @IsOptional()
  @Matches(KEYED_NUMBERS_PATTERN, {
    message: 'CONTROL_DEDUCT_APPROVAL_FEN_BY_COURT must read court=fen,court=fen',
  })
  CONTROL_DEDUCT_APPROVAL_FEN_BY_COURT?: string;
}

/** The deduction threshold of one court (审批): its own setting, or the service's default. */
export function deductApprovalFen(config: ControlConfig, courtCode: string): number {
  return (
    keyedNumbers(config.CONTROL_DEDUCT_APPROVAL_FEN_BY_COURT).get(courtCode) ??
    config.CONTROL_DEDUCT_APPROVAL_FEN
  );
}

export function loadControlConfig(env: NodeJS.ProcessEnv): ControlConfig {
  return loadConfig(ControlConfig, env);
}

/** The factor in permille, for integer arithmetic on fen. */
export function overLimitPermille(config: ControlConfig): number {
  return Math.round(config.CONTROL_OVER_LIMIT_FACTOR * 1000);
}
