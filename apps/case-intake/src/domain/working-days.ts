/**
 * The working-day calendar (工作日) that deadlines such as 失信 deletion within 3 working days are
 * counted in, on Asia/Shanghai dates written `YYYY-MM-DD`. Pure: dates are calendar days, not instants.
 */
import { addDays } from '@writ/contracts';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the text is a real calendar day written YYYY-MM-DD (not 30 February, not month 13). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const instant = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === date;
}

function assertCalendarDate(date: string): void {
  if (!isCalendarDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
}

/** Monday = 1 … Sunday = 7. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * Which days are worked. Weekends are off unless named as make-up working days (调休上班); the public
 * holidays (法定节假日 and the days given with them) are off. The State Council publishes both lists each
 * year, so they are configuration, not code.
 */
export interface WorkingDayCalendar {
  /** days off that would otherwise be working days, YYYY-MM-DD */
  readonly holidays: ReadonlySet<string>;
  /** weekend days that are worked (调休), YYYY-MM-DD */
  readonly makeUpWorkdays: ReadonlySet<string>;
}

/**
 * Builds a calendar from a court's settings (`holidays`, `workingWeekends`), refusing a malformed date or
 * a day named both a holiday and a make-up working day (the configuration would contradict itself).
 */
export function workingDayCalendar(
  lists: { holidays?: readonly string[]; workingWeekends?: readonly string[] } = {},
): WorkingDayCalendar {
  const holidays = new Set(lists.holidays ?? []);
  const makeUpWorkdays = new Set(lists.workingWeekends ?? []);
  for (const date of [...holidays, ...makeUpWorkdays]) {
    if (!isCalendarDate(date)) throw new Error(`working-day calendar: not a YYYY-MM-DD date: ${date}`);
  }
  for (const date of holidays) {
    if (makeUpWorkdays.has(date)) {
      throw new Error(`working-day calendar: ${date} is both a holiday and a make-up working day`);
    }
  }
  return { holidays, makeUpWorkdays };
}

/** Weekends off, nothing else: the calendar when no holidays are configured. */
export const WEEKENDS_ONLY: WorkingDayCalendar = workingDayCalendar();

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/**
 * The day on which a period of `n` working days that starts running after `date` ends: the day of
 * the event is not counted (期间开始的日不计算在期间内, 民诉法 2023 Art 85), and only working days count.
 * `n = 0` answers `date` itself.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, not ${n}`);
  assertCalendarDate(date);
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}
