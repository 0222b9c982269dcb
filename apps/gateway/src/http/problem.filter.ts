import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, type WireError } from '@writ/contracts';
import { toWireError } from '@writ/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** Every code has its HTTP status; a new code without one here does not compile. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.IdempotencyConflict]: 409,
  [ErrorCode.InvalidState]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.RuleViolated]: 422,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.AgencyFailed]: 502,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.UpstreamTimeout]: 504,
};

const TITLE_OF: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Errors raised by Nest or Fastify themselves (unknown route, bad JSON, body too large). */
function fromHttpException(exception: HttpException | { statusCode: number; message: string }): {
  status: number;
  wire: WireError;
} {
  const status = exception instanceof HttpException ? exception.getStatus() : exception.statusCode;
  const message = exception.message;
  const code =
    status === 404
      ? ErrorCode.NotFound
      : status === 413
        ? ErrorCode.PayloadTooLarge
        : status === 401
          ? ErrorCode.Unauthenticated
          : status === 403
            ? ErrorCode.Forbidden
            : status < 500
              ? ErrorCode.ValidationFailed
              : ErrorCode.Internal;
  const errors =
    code === ErrorCode.ValidationFailed ? [{ field: '(body)', rule: 'wellFormed', message }] : undefined;
  return { status, wire: { code, message, ...(errors ? { errors } : {}) } };
}

/** Answers every error as application/problem+json (RFC 9457) with the code and each bad field. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    let status: number;
    let wire: WireError;
    const statusCode = (exception as { statusCode?: unknown }).statusCode;
    if (exception instanceof HttpException) {
      ({ status, wire } = fromHttpException(exception));
    } else if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      ({ status, wire } = fromHttpException({ statusCode, message: (exception as Error).message }));
    } else {
      wire = toWireError(exception);
      status = HTTP_STATUS_OF[wire.code] ?? 500;
    }
    if (status >= 500) this.logger.error({ err: exception, url: request.url }, 'request failed');
    void reply
      .status(status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({
        type: `https://writ.court/problems/${wire.code.toLowerCase().replace(/_/g, '-')}`,
        title: TITLE_OF[status] ?? 'Error',
        status,
        detail: wire.message,
        code: wire.code,
        instance: request.url.split('?')[0],
        ...(wire.rule ? { rule: wire.rule } : {}),
        ...(wire.errors ? { errors: wire.errors } : {}),
      });
  }
}
