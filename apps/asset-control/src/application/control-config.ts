import { Type } from 'class-transformer';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { loadConfig } from '@writ/platform';

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
}

export function loadControlConfig(env: NodeJS.ProcessEnv): ControlConfig {
  return loadConfig(ControlConfig, env);
}

/** The factor in permille, for integer arithmetic on fen. */
export function overLimitPermille(config: ControlConfig): number {
  return Math.round(config.CONTROL_OVER_LIMIT_FACTOR * 1000);
}
