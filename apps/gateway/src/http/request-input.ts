import { randomUUID } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader } from '@nestjs/swagger';
import type { FieldError } from '@writ/contracts';
import { validationFailed } from '@writ/platform';

/**
 * How a command is put together from an HTTP request: the body, the ids the path names and, for a
 * command a retry could repeat, the `Idempotency-Key` header as its `requestKey`. A field the route
 * supplies may not also come in the body, so a client cannot aim a command at another case than its URL.
 */

const IDEMPOTENCY_KEY_FORMAT = /^[\w.:-]{8,100}$/;

/** The command's `requestKey`: the Idempotency-Key header, or a fresh one when the client sent none. */
export function requestKeyFrom(header: string | undefined): string {
  if (header === undefined) return randomUUID();
  if (!IDEMPOTENCY_KEY_FORMAT.test(header)) {
    throw validationFailed([
      {
        field: 'Idempotency-Key',
        rule: 'format',
        message: 'Idempotency-Key must be 8–100 letters, digits, or . _ : -',
      },
    ]);
  }
  return header;
}

function merged(
  body: unknown,
  fromPath: Readonly<Record<string, string>>,
  fromHeader: Readonly<Record<string, string>>,
): Record<string, unknown> {
  // a body-less POST (no content) is an empty command; anything else must be a JSON object
  const given = body === undefined ? {} : body;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw validationFailed([
      { field: '(body)', rule: 'isObject', message: 'the request body must be a JSON object' },
    ]);
  }
  const clashes: FieldError[] = [
    ...Object.keys(fromHeader)
      .filter((field) => field in given)
      .map((field) => ({
        field,
        rule: 'whitelistValidation',
        message: `${field} is not a field of this request; use the Idempotency-Key header`,
      })),
    ...Object.keys(fromPath)
      .filter((field) => field in given)
      .map((field) => ({
        field,
        rule: 'whitelistValidation',
        message: `${field} is not a field of this request body; it is the id in the path`,
      })),
  ];
  if (clashes.length) throw validationFailed(clashes);
  return { ...given, ...fromPath, ...fromHeader };
}

/** The body with the ids the path names, e.g. `{ ...body, caseId }` for POST /api/cases/:id/close. */
export function commandFrom(
  body: unknown,
  fromPath: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return merged(body, fromPath, {});
}

/** As `commandFrom`, plus `requestKey` from the Idempotency-Key header (checked before the body). */
export function idempotentCommandFrom(
  body: unknown,
  idempotencyKey: string | undefined,
  fromPath: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const requestKey = requestKeyFrom(idempotencyKey);
  return merged(body, fromPath, { requestKey });
}

/** As `idempotentCommandFrom`, for the ledger's commands, whose key field is `idempotencyKey`. */
export function keyedCommandFrom(
  body: unknown,
  idempotencyKey: string | undefined,
  fromPath: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  return merged(body, fromPath, { idempotencyKey: requestKeyFrom(idempotencyKey) });
}

/**
 * A query string's `true`/`false` as booleans, for the named flags; any other value is left as it came,
 * so the query's own validation refuses it naming the field.
 */
export function withFlags(
  query: Readonly<Record<string, unknown>>,
  flags: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...query };
  for (const flag of flags) {
    const value = result[flag];
    if (value === 'true') result[flag] = true;
    else if (value === 'false') result[flag] = false;
  }
  return result;
}

/**
 * A query string's whole numbers as numbers, for the named fields; any other value is left as it came,
 * so the query's own validation refuses it naming the field.
 */
export function withNumbers(
  query: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...query };
  for (const field of fields) {
    const value = result[field];
    if (typeof value === 'string' && /^-?\d{1,9}$/.test(value)) result[field] = Number(value);
  }
  return result;
}

interface CommandBodyDoc {
  /** the class-validator class the service validates */
  command: string;
  /** the command's fields the route supplies (path ids, the request key) */
  omit: readonly string[];
}

/** The HTTP body schemas to derive for /api/docs: `RegisterCaseBody` is `RegisterCaseCommand` without requestKey. */
const COMMAND_BODIES = new Map<string, CommandBodyDoc>();

/** The schemas to add to the OpenAPI document, keyed by body schema name. */
export function commandBodyDocs(): ReadonlyMap<string, CommandBodyDoc> {
  return COMMAND_BODIES;
}

/**
 * Documents a route's body as its command's schema less the fields the route supplies, and the
 * Idempotency-Key header where the command has a request key.
 */
export function ApiCommandBody(
  command: abstract new () => object,
  route: { fromPath?: readonly string[]; idempotent?: boolean; keyField?: string } = {},
): MethodDecorator {
  const name = `${command.name.replace(/(Command|Query)$/, '')}Body`;
  COMMAND_BODIES.set(name, {
    command: command.name,
    omit: [...(route.fromPath ?? []), ...(route.idempotent ? [route.keyField ?? 'requestKey'] : [])],
  });
  const body = ApiBody({ schema: { $ref: `#/components/schemas/${name}` } });
  return route.idempotent
    ? applyDecorators(
        body,
        ApiHeader({
          name: 'Idempotency-Key',
          required: false,
          description: '8–100 characters; the same key and body take effect once',
        }),
      )
    : body;
}
