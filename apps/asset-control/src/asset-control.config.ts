import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ConfigError, loadConfig } from '@writ/platform';
import { RetryPolicy } from './domain/retry-policy.js';

/** asset-control's own environment; the defaults suit the real network and `npm start`. */
export class AssetControlConfig {
  /** how long one agency may take to answer one inquiry */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(120_000)
  INQUIRY_TIMEOUT_MS: number = 5_000;

  /** attempts per inquiry before it is marked FAILED */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  INQUIRY_MAX_ATTEMPTS: number = 5;

  /** the wait after the first failed attempt; doubled after each further one */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  INQUIRY_RETRY_BASE_MS: number = 500;

  /** the longest wait between two attempts */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400_000)
  INQUIRY_RETRY_MAX_MS: number = 60_000;

  /** how often the dispatcher looks for due inquiries when nobody wakes it */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  INQUIRY_POLL_MS: number = 500;

  /** inquiries in flight at once, per replica */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  INQUIRY_CONCURRENCY: number = 16;

  /** how often to look for 终本 cases due for their 6-monthly re-search; 0 = only on request */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  RESEARCH_SCAN_INTERVAL_MS: number = 3_600_000;
}

export function loadAssetControlConfig(env: NodeJS.ProcessEnv): AssetControlConfig {
  const config = loadConfig(AssetControlConfig, env);
  if (config.INQUIRY_RETRY_MAX_MS < config.INQUIRY_RETRY_BASE_MS) {
    throw new ConfigError(['INQUIRY_RETRY_MAX_MS: must not be smaller than INQUIRY_RETRY_BASE_MS']);
  }
  return config;
}

export function retryPolicyOf(config: AssetControlConfig): RetryPolicy {
  return new RetryPolicy(
    config.INQUIRY_MAX_ATTEMPTS,
    config.INQUIRY_RETRY_BASE_MS,
    config.INQUIRY_RETRY_MAX_MS,
  );
}
