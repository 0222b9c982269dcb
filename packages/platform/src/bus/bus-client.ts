import { Headers, type Actor, type ReplyOf, type RequestOf, type RpcSubject } from '@writ/contracts';
import { currentContext, newCorrelationId } from '../context.js';
import type { BusHeaders, MessageBus } from './message-bus.js';

export interface RequestOptions {
  /** the acting user; defaults to the actor of the work in hand */
  actor?: Actor;
  correlationId?: string;
  timeoutMs?: number;
}

/**
 * The typed way to ask another service: the subject decides the body's and the reply's types, every
 * request has a timeout, and the correlation id and actor travel in headers.
 */
export class BusClient {
  constructor(
    private readonly bus: MessageBus,
    private readonly defaultTimeoutMs: number,
  ) {}

  async request<S extends RpcSubject>(
    subject: S,
    body: RequestOf<S>,
    options: RequestOptions = {},
  ): Promise<ReplyOf<S>> {
    const context = currentContext();
    const actor = options.actor ?? context?.actor;
    const headers: BusHeaders = {
      [Headers.CorrelationId]: options.correlationId ?? context?.correlationId ?? newCorrelationId(),
      [Headers.MessageType]: subject,
    };
    if (actor) headers[Headers.Actor] = JSON.stringify(actor);
    return (await this.bus.request(subject, body, {
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      headers,
    })) as ReplyOf<S>;
  }
}

export function actorFromHeaders(headers: BusHeaders): Actor | undefined {
  const raw = headers[Headers.Actor];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Actor;
  } catch {
    return undefined;
  }
}
