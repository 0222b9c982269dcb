import { ErrorCode, type EventEnvelope } from '@writ/contracts';
import type { Logger } from 'pino';
import {
  BusRequestError,
  type BusHeaders,
  type EventHandler,
  type MessageBus,
  type RequestHandler,
  type Stoppable,
  type WireReply,
} from './message-bus.js';
import { isWildcard, subjectMatches } from './subject-pattern.js';
import { toWireError } from './wire.js';

/**
 * The bus for a machine with no NATS at all: every service in one process. It keeps the contract of
 * the NATS bus: bodies and replies are copied through JSON (nothing shared by reference), replicas in a
 * queue take turns, and an event counts as published only once every consumer has handled it — so the
 * outbox keeps it, and redelivers it after a crash, until then.
 */
export class InProcessBus implements MessageBus {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, { queue: string; handler: RequestHandler }[]>();
  private readonly turn = new Map<string, number>();
  private readonly consumers = new Map<string, Map<string, EventHandler>>();

  constructor(private readonly logger: Logger) {}

  async serve(subject: string, queue: string, handler: RequestHandler): Promise<Stoppable> {
    const list = this.handlers.get(subject) ?? [];
    const entry = { queue, handler };
    list.push(entry);
    this.handlers.set(subject, list);
    return {
      stop: async () => {
        const current = this.handlers.get(subject) ?? [];
        this.handlers.set(
          subject,
          current.filter((e) => e !== entry),
        );
      },
    };
  }

  async request(
    subject: string,
    body: unknown,
    options: { timeoutMs: number; headers: BusHeaders },
  ): Promise<unknown> {
    const list = this.handlersOf(subject);
    if (!list.length) {
      throw new BusRequestError({
        code: ErrorCode.ServiceUnavailable,
        message: `No service answers ${subject}`,
      });
    }
    const index = (this.turn.get(subject) ?? 0) % list.length;
    this.turn.set(subject, index + 1);
    const { handler } = list[index]!;
    const copy: unknown = JSON.parse(JSON.stringify(body ?? {}));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BusRequestError({
              code: ErrorCode.UpstreamTimeout,
              message: `${subject} did not answer within ${options.timeoutMs} ms`,
            }),
          ),
        options.timeoutMs,
      );
    });
    let reply: WireReply;
    try {
      const data = await Promise.race([handler(copy, { ...options.headers }), timeout]);
      reply = { ok: true, data };
    } catch (error) {
      if (error instanceof BusRequestError && error.wire.code === ErrorCode.UpstreamTimeout) throw error;
      reply = { ok: false, error: toWireError(error) };
    } finally {
      clearTimeout(timer);
    }
    const wire = JSON.parse(JSON.stringify(reply)) as WireReply;
    if (!wire.ok) throw new BusRequestError(wire.error);
    return wire.data;
  }

  /** Responders of the subject itself, or else of a wildcard pattern matching it (as NATS routes). */
  private handlersOf(subject: string): { queue: string; handler: RequestHandler }[] {
    const exact = this.handlers.get(subject);
    if (exact?.length) return exact;
    for (const [pattern, list] of this.handlers) {
      if (list.length && isWildcard(pattern) && subjectMatches(pattern, subject)) return list;
    }
    return [];
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    const consumers = this.consumers.get(envelope.type);
    if (!consumers) return;
    const failures: unknown[] = [];
    for (const [name, handler] of consumers) {
      try {
        await handler(JSON.parse(JSON.stringify(envelope)) as EventEnvelope);
      } catch (error) {
        this.logger.warn(
          { err: error, consumer: name, eventId: envelope.id },
          'in-process event handler failed',
        );
        failures.push(error);
      }
    }
    // the outbox keeps the event and publishes it again; consumers' inboxes skip what they already did
    if (failures.length) throw failures[0];
  }

  async consume(consumer: string, eventType: string, handler: EventHandler): Promise<Stoppable> {
    const byName = this.consumers.get(eventType) ?? new Map<string, EventHandler>();
    byName.set(consumer, handler);
    this.consumers.set(eventType, byName);
    return { stop: async () => void byName.delete(consumer) };
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.consumers.clear();
  }
}
