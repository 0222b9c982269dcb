import type { EventEnvelope, WireError } from '@writ/contracts';

export type BusHeaders = Record<string, string>;

/** What a request handler gets: the body as sent and the headers carrying context. */
export type RequestHandler = (body: unknown, headers: BusHeaders) => Promise<unknown>;
export type EventHandler = (envelope: EventEnvelope) => Promise<void>;

/** A reply as it crosses the wire: the value, or a typed error. */
export type WireReply = { ok: true; data: unknown } | { ok: false; error: WireError };

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
  /** Durable consumption of one event type by one named consumer; redelivers until the handler succeeds. */
  consume(consumer: string, eventType: string, handler: EventHandler): Promise<Stoppable>;
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
