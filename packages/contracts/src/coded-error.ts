import type { ErrorCode, FieldError, WireError } from './errors.js';

/**
 * An error with a stable code, thrown by domain rules and use cases. It crosses the bus as a
 * WireError and the gateway maps the code to an HTTP status.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; rule?: string } = {},
  ) {
    super(message);
    this.name = 'CodedError';
  }

  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details.errors ? { errors: this.details.errors } : {}),
      ...(this.details.rule ? { rule: this.details.rule } : {}),
    };
  }
}
