import { CodedError, ErrorCode } from '@writ/contracts';
import { requestHash } from '../domain/journal.js';

/** The hash of a command minus its key, to tell a retry from a different request under the same key. */
export function commandHash(command: object): string {
  const { idempotencyKey: _key, ...content } = command as Record<string, unknown>;
  return requestHash(content).toString('hex');
}

export function keyReused(key: string): CodedError {
  const message = `idempotency key ${key} was already used for a different request; use a new key for new content`;
  return new CodedError(ErrorCode.IdempotencyConflict, message, {
    rule: 'IDEMPOTENCY_KEY_REUSED',
    errors: [{ field: 'idempotencyKey', rule: 'IDEMPOTENCY_KEY_REUSED', message }],
  });
}

export function notFound(what: string, id: string, field: string): CodedError {
  return new CodedError(ErrorCode.NotFound, `no ${what} ${id} at this court`, {
    errors: [{ field, rule: 'ofCourt', message: `not a ${what} of this court` }],
  });
}
