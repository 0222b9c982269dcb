/** Where time comes from. Services inject one; tests use a fixed clock they move by hand. */
export interface Clock {
  now(): Date;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai (where deadlines are counted), as YYYY-MM-DD. */
export function shanghaiDateOf(instant: Date): string {
  return SHANGHAI_DATE.format(instant);
}

/** The year in Asia/Shanghai: a case filed at 00:30 on 1 January Beijing time belongs to the new year. */
export function shanghaiYearOf(instant: Date): number {
  return Number(shanghaiDateOf(instant).slice(0, 4));
}

/** A calendar date (YYYY-MM-DD) as a UTC midnight, for arithmetic on dates only. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The date `months` calendar months after `date`; a day that the target month lacks becomes its last
 * day (31 August + 6 months = 28/29 February), as periods in months are counted.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}
