import { RpcException } from '@nestjs/microservices';
import { CodedError, ErrorCode, isWireError, wireErrorOf, type WireError } from '@writ/contracts';
import { BusRequestError } from './message-bus.js';

/**
 * Whatever was thrown, the caller gets a typed error: coded errors keep their code and details, and
 * anything unexpected becomes INTERNAL without leaking a stack trace.
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof CodedError) return error.toWire();
  if (error instanceof BusRequestError) return error.wire;
  if (error instanceof RpcException) {
    const inner = error.getError();
    if (isWireError(inner)) return wireErrorOf(inner);
  }
  if (isWireError(error)) return wireErrorOf(error);
  return { code: ErrorCode.Internal, message: 'Internal error' };
}
