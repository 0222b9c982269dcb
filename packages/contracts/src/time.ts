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
