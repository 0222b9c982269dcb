import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import type { SandboxConfigureRequest } from '@writ/contracts';
import { MAX_LATENCY_MS } from '../domain/sandbox-settings.js';

/** `agency.sandbox.configure` as validated at the door; the contract declares only its shape. */
export class SandboxConfigureBody implements SandboxConfigureRequest {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LATENCY_MS)
  latencyMs?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  failureRate?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  timeoutRate?: number;
}
