import { CaseType } from '@writ/contracts';
import { formatCaseNumber, parseCaseNumber, sequenceKeyOf } from './case-number.js';

describe('案号 (case numbers)', () => {
  it('writes year, court code, type code and sequence with full-width parentheses', () => {
    expect(
      formatCaseNumber({ year: 2026, courtCode: '辽1104', caseType: CaseType.Execution, sequence: 123 }),
    ).toBe('（2026）辽1104执123号');
    expect(
      formatCaseNumber({ year: 2026, courtCode: '辽1104', caseType: CaseType.Resumed, sequence: 7 }),
    ).toBe('（2026）辽1104执恢7号');
  });

  it('reads back every type code, including the two-character ones that start with 执', () => {
    for (const caseType of Object.values(CaseType)) {
      const parts = { year: 2026, courtCode: '辽1104', caseType, sequence: 42 };
      expect(parseCaseNumber(formatCaseNumber(parts))).toEqual(parts);
    }
  });

  it('refuses a sequence that is not a positive whole number, and a year that is not four digits', () => {
    expect(() =>
      formatCaseNumber({ year: 2026, courtCode: '辽1104', caseType: CaseType.Execution, sequence: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      formatCaseNumber({ year: 2026, courtCode: '辽1104', caseType: CaseType.Execution, sequence: 1.5 }),
    ).toThrow(RangeError);
    expect(() =>
      formatCaseNumber({ year: 26, courtCode: '辽1104', caseType: CaseType.Execution, sequence: 1 }),
    ).toThrow(RangeError);
  });

  it('keeps a separate sequence per court, per type and per year', () => {
    const base = { year: 2026, courtCode: '辽1104', caseType: CaseType.Execution };
    const keys = new Set([
      sequenceKeyOf(base),
      sequenceKeyOf({ ...base, year: 2027 }),
      sequenceKeyOf({ ...base, courtCode: '辽1103' }),
      sequenceKeyOf({ ...base, caseType: CaseType.Preservation }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('does not mistake something else for a case number', () => {
    expect(parseCaseNumber('（2025）辽1104民初88号')).toBeNull();
    expect(parseCaseNumber('2026辽1104执1号')).toBeNull();
  });
});
