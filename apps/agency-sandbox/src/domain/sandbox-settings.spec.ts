import { CodedError, ErrorCode } from '@writ/contracts';
import {
  decideFault,
  reconfigure,
  seededRandom,
  settingsProblems,
  type SandboxSettings,
} from './sandbox-settings.js';

const calm: SandboxSettings = { latencyMs: 50, failureRate: 0, timeoutRate: 0 };

describe('the sandbox’s faults', () => {
  it('answers every inquiry when no fault is configured', () => {
    for (const roll of [0, 0.3, 0.999999]) expect(decideFault(calm, roll)).toBe('ANSWER');
  });

  it('fails every inquiry at a failure rate of 1 and splits the roll between failing and holding', () => {
    expect(decideFault({ ...calm, failureRate: 1 }, 0.999999)).toBe('FAIL');
    const mixed = { ...calm, failureRate: 0.2, timeoutRate: 0.3 };
    expect(decideFault(mixed, 0.1)).toBe('FAIL');
    expect(decideFault(mixed, 0.2)).toBe('HOLD');
    expect(decideFault(mixed, 0.49)).toBe('HOLD');
    expect(decideFault(mixed, 0.5)).toBe('ANSWER');
  });

  it('changes only what a configure request names', () => {
    expect(reconfigure(calm, { failureRate: 0.5 })).toEqual({
      latencyMs: 50,
      failureRate: 0.5,
      timeoutRate: 0,
    });
    expect(reconfigure(calm, {})).toEqual(calm);
  });

  it('refuses rates outside 0..1, rates that add up past 1, and a negative latency, naming each field', () => {
    expect(
      settingsProblems({ latencyMs: -1, failureRate: 1.5, timeoutRate: -0.1 }).map((p) => p.field),
    ).toEqual(['latencyMs', 'failureRate', 'timeoutRate']);
    let refused: unknown;
    try {
      reconfigure(calm, { failureRate: 0.7, timeoutRate: 0.7 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CodedError);
    expect((refused as CodedError).code).toBe(ErrorCode.ValidationFailed);
    expect((refused as CodedError).details.errors?.[0]?.rule).toBe('ratesSum');
  });

  it('repeats the same faults from the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const rolls = Array.from({ length: 1000 }, () => a());
    expect(rolls).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(rolls.every((r) => r >= 0 && r < 1)).toBe(true);
    const failed = rolls.filter((r) => decideFault({ ...calm, failureRate: 0.5 }, r) === 'FAIL').length;
    expect(failed).toBeGreaterThan(400);
    expect(failed).toBeLessThan(600);
  });
});
