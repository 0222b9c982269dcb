import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A stable digest of what a command asked, without its request key, so a retried key (same content)
 * can be told from a reused one (other content).
 */
export function requestHashOf(command: { requestKey: string }): string {
  const { requestKey: _key, ...content } = command;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
