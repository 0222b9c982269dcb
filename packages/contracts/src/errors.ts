/**
 * Stable error codes. A code never changes meaning; the gateway maps each to an HTTP status through an
 * exhaustive table, so adding a code without a mapping fails to compile.
 */
export const ErrorCode = {
  /** A field broke a rule; `errors` names each. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** The thing asked for does not exist, or is not visible to this actor. */
  NotFound: 'NOT_FOUND',
  /** Same idempotency key, different content. */
  IdempotencyConflict: 'IDEMPOTENCY_CONFLICT',
  /** The request is well-formed but a domain rule refuses it. */
  RuleViolated: 'RULE_VIOLATED',
  /** The change is not allowed from the current state. */
  InvalidState: 'INVALID_STATE',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  /** Nobody is listening for the subject. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** Nobody answered in time. */
  UpstreamTimeout: 'UPSTREAM_TIMEOUT',
  /** An outside agency failed to answer. */
  AgencyFailed: 'AGENCY_FAILED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** Too many attempts in a short time (e.g. failed logins); try again later. */
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One broken rule of one field, e.g. { field: 'respondents[0].idNumber', rule: 'isResidentIdNumber' }. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** An error as it crosses the wire, from a service to its caller. */
export interface WireError {
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
  /** The domain rule that refused, e.g. 'CASE_NUMBER_SEQUENCE'. */
  rule?: string;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Whether a value is one of Writ's wire errors: a known code and a message. A database or network
 * error also has a string `code` (23505, ECONNREFUSED) but is not one, and must not pass for one.
 */
export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    KNOWN_CODES.has((value as WireError).code) &&
    typeof (value as WireError).message === 'string'
  );
}

/** Only the fields of a wire error, whatever else the object carried (a query, its parameters). */
export function wireErrorOf(value: WireError): WireError {
  return {
    code: value.code,
    message: value.message,
    ...(Array.isArray(value.errors) ? { errors: value.errors } : {}),
    ...(typeof value.rule === 'string' ? { rule: value.rule } : {}),
  };
}
