import { CodedError, ErrorCode, type FieldError, type SandboxConfigureRequest } from '@writ/contracts';

/** How the sandbox misbehaves, so callers can be tested against slow, failing and silent agencies. */
export interface SandboxSettings {
  /** delay before every answer, in ms */
  latencyMs: number;
  /** share of inquiries answered with AGENCY_FAILED */
  failureRate: number;
  /** share of inquiries never answered within any caller's timeout */
  timeoutRate: number;
}

/** What the sandbox does with one inquiry. */
export type SandboxFault = 'ANSWER' | 'FAIL' | 'HOLD';

export const MAX_LATENCY_MS = 60_000;

/** The problems of a set of settings, one per broken field; empty when they can be used. */
export function settingsProblems(settings: SandboxSettings): FieldError[] {
  const problems: FieldError[] = [];
  if (
    !Number.isInteger(settings.latencyMs) ||
    settings.latencyMs < 0 ||
    settings.latencyMs > MAX_LATENCY_MS
  ) {
    problems.push({
      field: 'latencyMs',
      rule: 'latencyRange',
      message: `latencyMs must be a whole number of ms from 0 to ${MAX_LATENCY_MS}`,
    });
  }
  for (const field of ['failureRate', 'timeoutRate'] as const) {
    const rate = settings[field];
    if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
      problems.push({ field, rule: 'rateRange', message: `${field} must be a share from 0 to 1` });
    }
  }
  // one roll decides the fault, so the two shares must fit in one
  if (!problems.length && settings.failureRate + settings.timeoutRate > 1) {
    problems.push({
      field: 'timeoutRate',
      rule: 'ratesSum',
      message: 'failureRate and timeoutRate together must not exceed 1',
    });
  }
  return problems;
}

/** The current settings changed by a configure request; refuses settings that cannot be used. */
export function reconfigure(current: SandboxSettings, request: SandboxConfigureRequest): SandboxSettings {
  const next: SandboxSettings = {
    latencyMs: request.latencyMs ?? current.latencyMs,
    failureRate: request.failureRate ?? current.failureRate,
    timeoutRate: request.timeoutRate ?? current.timeoutRate,
  };
  const problems = settingsProblems(next);
  if (problems.length) {
    throw new CodedError(ErrorCode.ValidationFailed, problems.map((p) => p.message).join('; '), {
      errors: problems,
    });
  }
  return next;
}

/** Decides the fate of one inquiry from one roll in [0, 1): fail, hold, or answer. */
export function decideFault(settings: SandboxSettings, roll: number): SandboxFault {
  if (roll < settings.failureRate) return 'FAIL';
  if (roll < settings.failureRate + settings.timeoutRate) return 'HOLD';
  return 'ANSWER';
}

/** A small seeded generator (mulberry32), for demos that want the same faults on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
