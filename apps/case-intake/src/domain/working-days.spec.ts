import { addDays } from '@writ/contracts';
import {
  addWorkingDays,
  isCalendarDate,
  isWorkingDay,
  WEEKENDS_ONLY,
  workingDayCalendar,
} from './working-days.js';

/** 2025 National Day and Mid-Autumn: 1–8 October off, Sunday 28 September and Saturday 11 October worked. */
const nationalDay2025 = workingDayCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  workingWeekends: ['2025-09-28', '2025-10-11'],
});

describe('working days (工作日)', () => {
  it('does not count the day of the event, and skips the weekend', () => {
    // Friday 27 November 2026: the three working days are Monday, Tuesday, Wednesday
    expect(addWorkingDays('2026-11-27', 3, WEEKENDS_ONLY)).toBe('2026-12-02');
    expect(addWorkingDays('2026-11-30', 3, WEEKENDS_ONLY)).toBe('2026-12-03');
  });

  it('answers the day itself for zero working days', () => {
    expect(addWorkingDays('2026-11-28', 0, WEEKENDS_ONLY)).toBe('2026-11-28');
  });

  it('skips the configured public holidays and counts the make-up working days (调休)', () => {
    expect(isWorkingDay('2025-09-28', nationalDay2025)).toBe(true);
    expect(isWorkingDay('2025-10-01', nationalDay2025)).toBe(false);
    expect(isWorkingDay('2025-10-11', nationalDay2025)).toBe(true);
    // Friday 26 September: Sunday 28 (make-up), Monday 29, Tuesday 30
    expect(addWorkingDays('2025-09-26', 3, nationalDay2025)).toBe('2025-09-30');
    // Tuesday 30 September: the holiday runs to the 8th; Thursday 9, Friday 10, Saturday 11 (make-up)
    expect(addWorkingDays('2025-09-30', 3, nationalDay2025)).toBe('2025-10-11');
    // without the holidays configured the same count ends on Friday 3 October
    expect(addWorkingDays('2025-09-30', 3, WEEKENDS_ONLY)).toBe('2025-10-03');
  });

  it('refuses a calendar that names one day both a holiday and a working day', () => {
    expect(() => workingDayCalendar({ holidays: ['2025-10-11'], workingWeekends: ['2025-10-11'] })).toThrow(
      /both a holiday and a make-up working day/,
    );
    expect(() => workingDayCalendar({ holidays: ['2025-02-30'] })).toThrow(/not a YYYY-MM-DD date/);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-27', -1, WEEKENDS_ONLY)).toThrow();
    expect(() => addWorkingDays('2026-11-27', 1.5, WEEKENDS_ONLY)).toThrow();
  });

  it('always lands on a working day after the start, whatever the start', () => {
    for (let offset = 0; offset < 60; offset++) {
      const start = addDays('2025-09-01', offset);
      for (const n of [1, 3, 5]) {
        const end = addWorkingDays(start, n, nationalDay2025);
        expect(end > start).toBe(true);
        expect(isWorkingDay(end, nationalDay2025)).toBe(true);
      }
    }
  });
});

describe('calendar dates', () => {
  it('tells a real day from an impossible one', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-5')).toBe(false);
  });
});
