import { shanghaiDateOf } from '@writ/contracts/web';

const dateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as the court reads it: Asia/Shanghai `YYYY-MM-DD HH:mm`. */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    dateTime.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''} ${parts['hour'] ?? ''}:${parts['minute'] ?? ''}`;
}

/** An ISO instant's Asia/Shanghai date. */
export function dateOfInstant(iso: string | undefined): string {
  return iso ? shanghaiDateOf(new Date(iso)) : '—';
}

/** Today in Asia/Shanghai, YYYY-MM-DD: the court's day, whatever the browser's zone. */
export function today(): string {
  return shanghaiDateOf(new Date());
}

/** A fraction (0.9196) as a percentage ("91.96%"); a dash when there is nothing to divide. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(2)}%`;
}

/** A valid calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
