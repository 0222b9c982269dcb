import type { EventEnvelope, WireError } from '@writ/contracts';

export type BusHeaders = Record<string, string>;

/** What a request handler gets: the body as sent and the headers carrying context. */
export type RequestHandler = (body: unknown, headers: BusHeaders) => Promise<unknown>;
export type EventHandler = (envelope: EventEnvelope) => Promise<void>;

/** A reply as it crosses the wire: the value, or a typed error. */
export type WireReply = { ok: true; data: unknown } | { ok: false; error: WireError };

export interface ConsumeOptions {
  /** events handled at once by this consumer in this process; 1 (the default) handles them one by one */
  concurrency?: number;
}

/**
 * What must not be handled side by side: events of the same case (their `data.caseId`). An event that
 * names no case orders with nothing.
 */
export function orderingKeyOf(envelope: EventEnvelope): string {
  const data = envelope.data as { caseId?: unknown } | null | undefined;
  return typeof data?.caseId === 'string' ? `case:${data.caseId}` : `event:${envelope.id}`;
}

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The one seam between Writ and its message transport. NATS (request/reply + JetStream) in production;
 * an in-process bus when no NATS can be had. Subjects here are logical (`cases.case.register`); each
 * implementation adds its own namespace.
 */
export interface MessageBus {
  readonly kind: 'nats' | 'in-process';
  /** Answer requests on a subject; replicas sharing `queue` split the load. */
  serve(subject: string, queue: string, handler: RequestHandler): Promise<Stoppable>;
  /** Send a request and wait for its reply; rejects with BusRequestError. */
  request(
    subject: string,
    body: unknown,
    options: { timeoutMs: number; headers: BusHeaders },
  ): Promise<unknown>;
  /** Publish an event durably; resolves once the broker has it (or, in-process, once handled). */
  publish(envelope: EventEnvelope): Promise<void>;
  /**
   * Durable consumption of one event type by one named consumer; redelivers until the handler succeeds.
   * With `concurrency` above 1, up to that many events are handled at once, but never two of the same
   * case (see `orderingKeyOf`), so one case's events still arrive in order.
   */
  consume(
    consumer: string,
    eventType: string,
    handler: EventHandler,
    options?: ConsumeOptions,
  ): Promise<Stoppable>;
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** A request that ended in an error: either the handler's coded error or the transport's own. */
export class BusRequestError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'BusRequestError';
  }
}
