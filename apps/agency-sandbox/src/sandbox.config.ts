import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ConfigError, loadConfig } from '@writ/platform';
import { MAX_LATENCY_MS, settingsProblems, type SandboxSettings } from './domain/sandbox-settings.js';

/** The sandbox's own environment; defaults answer every inquiry after 50 ms. */
export class SandboxConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_LATENCY_MS)
  SANDBOX_LATENCY_MS: number = 50;

  /** share of inquiries answered with AGENCY_FAILED */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  SANDBOX_FAILURE_RATE: number = 0;

  /** share of inquiries held past any caller's timeout */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  SANDBOX_TIMEOUT_RATE: number = 0;

  /** when set, faults follow a seeded generator and repeat from run to run */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  SANDBOX_SEED?: number;
}

export function loadSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const config = loadConfig(SandboxConfig, env);
  const problems = settingsProblems(initialSettings(config));
  if (problems.length) throw new ConfigError(problems.map((p) => `SANDBOX_*: ${p.message}`));
  return config;
}

export function initialSettings(config: SandboxConfig): SandboxSettings {
  return {
    latencyMs: config.SANDBOX_LATENCY_MS,
    failureRate: config.SANDBOX_FAILURE_RATE,
    timeoutRate: config.SANDBOX_TIMEOUT_RATE,
  };
}
