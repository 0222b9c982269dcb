import { addDays, addMonths, daysBetween, shanghaiDateOf } from './time.js';

describe('dates as courts count them', () => {
  it('counts calendar days across a month and a leap day', () => {
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-07-01')).toBe(181);
  });

  it('ends a period in months on the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('takes the date in Beijing time, not UTC', () => {
    expect(shanghaiDateOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
