import { Catch, ValidationPipe, type RpcExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@writ/contracts';
import type { Logger } from 'pino';
import { throwError, type Observable } from 'rxjs';
import { flattenValidationErrors, VALIDATION_OPTIONS, validationFailed } from '../validation.js';
import { toWireError } from './wire.js';

/**
 * Every error a handler throws leaves as a WireError with its code, message and field details; an
 * unexpected one is logged with its stack and leaves as INTERNAL.
 */
@Catch()
export class CodedRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown): Observable<never> {
    const wire = toWireError(exception);
    if (wire.code === ErrorCode.Internal)
      this.logger.error({ err: exception }, 'unexpected error in a handler');
    return throwError(() => wire);
  }
}

/** Validates every `@Payload()` against its message class, naming each broken field. */
export function createRpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
