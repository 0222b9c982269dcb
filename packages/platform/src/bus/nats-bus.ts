import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import {
  connect,
  headers as natsHeaders,
  NoRespondersError,
  RequestError,
  TimeoutError,
  type MsgHdrs,
  type NatsConnection,
} from '@nats-io/transport-node';
import { ErrorCode, Headers, type EventEnvelope } from '@writ/contracts';
import type { Logger } from 'pino';
import {
  BusRequestError,
  orderingKeyOf,
  type BusHeaders,
  type ConsumeOptions,
  type EventHandler,
  type MessageBus,
  type RequestHandler,
  type Stoppable,
  type WireReply,
} from './message-bus.js';
import { toWireError } from './wire.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toNatsHeaders(values: BusHeaders): MsgHdrs {
  const h = natsHeaders();
  for (const [key, value] of Object.entries(values)) h.set(key, value);
  return h;
}

function fromNatsHeaders(h: MsgHdrs | undefined): BusHeaders {
  const out: BusHeaders = {};
  if (!h) return out;
  for (const key of h.keys()) out[key.toLowerCase()] = h.get(key);
  return out;
}

/**
 * Commands and queries over core NATS request/reply with queue groups; events on a JetStream stream
 * under `<ns>.evt.>`, kept apart from request subjects so the stream never swallows a request.
 */
export class NatsBus implements MessageBus {
  readonly kind = 'nats' as const;
  private readonly streamName: string;
  private readonly stopping = new Set<Stoppable>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: string,
    private readonly logger: Logger,
    private readonly eventAckWaitMs: number,
  ) {
    this.streamName = `${namespace.toUpperCase().replace(/-/g, '_')}_EVENTS`;
  }

  static async connect(
    url: string,
    namespace: string,
    logger: Logger,
    name: string,
    options: { eventAckWaitMs?: number } = {},
  ): Promise<NatsBus> {
    const nc = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
    try {
      const jsm = await jetstreamManager(nc);
      const bus = new NatsBus(nc, jetstream(nc), jsm, namespace, logger, options.eventAckWaitMs ?? 30_000);
      await bus.ensureStream();
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  private eventSubject(type: string): string {
    return `${this.namespace}.evt.${type}`;
  }

  /** Creates the event stream if it is missing (idempotent). */
  async ensureStream(): Promise<void> {
    const config = {
      name: this.streamName,
      subjects: [`${this.namespace}.evt.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      // a republished outbox row within this window is dropped by the broker (exactly-once publish)
      duplicate_window: 2 * 60 * 1_000_000_000,
      // the stream carries events, it is not their record (the outboxes are): bound what it keeps
      max_age: 30 * 24 * 60 * 60 * 1_000_000_000,
    };
    try {
      await this.jsm.streams.info(this.streamName);
      return;
    } catch {
      // not there yet
    }
    try {
      await this.jsm.streams.add(config);
    } catch (error) {
      // another service may have created it at the same moment
      await this.jsm.streams.info(this.streamName).catch(() => {
        throw error;
      });
    }
  }

  async serve(subject: string, queue: string, handler: RequestHandler): Promise<Stoppable> {
    const sub = this.nc.subscribe(`${this.namespace}.${subject}`, {
      queue,
      callback: (err, msg) => {
        if (err) {
          this.logger.error({ err, subject }, 'subscription error');
          return;
        }
        const handling = (async () => {
          let reply: WireReply;
          try {
            const body: unknown = msg.data.length ? JSON.parse(decoder.decode(msg.data)) : {};
            reply = { ok: true, data: await handler(body, fromNatsHeaders(msg.headers)) };
          } catch (error) {
            reply = { ok: false, error: toWireError(error) };
          }
          try {
            if (msg.reply) msg.respond(encoder.encode(JSON.stringify(reply)));
          } catch (error) {
            // the connection is closing (shutdown) or the reply could not be encoded
            this.logger.warn({ err: error, subject }, 'could not send a reply');
          }
        })();
        inFlight.add(handling);
        void handling.finally(() => inFlight.delete(handling));
      },
    });
    const inFlight = new Set<Promise<void>>();
    return {
      // stop taking requests, then let the ones in hand finish before the caller closes the database
      stop: async () => {
        sub.unsubscribe();
        await Promise.allSettled([...inFlight]);
      },
    };
  }

  async request(
    subject: string,
    body: unknown,
    options: { timeoutMs: number; headers: BusHeaders },
  ): Promise<unknown> {
    let raw;
    try {
      raw = await this.nc.request(
        `${this.namespace}.${subject}`,
        encoder.encode(JSON.stringify(body ?? {})),
        {
          timeout: options.timeoutMs,
          headers: toNatsHeaders(options.headers),
        },
      );
    } catch (error) {
      const cause = (error as Error).cause;
      const noResponders =
        error instanceof NoRespondersError ||
        cause instanceof NoRespondersError ||
        (error instanceof RequestError && error.isNoResponders());
      if (noResponders) {
        throw new BusRequestError({
          code: ErrorCode.ServiceUnavailable,
          message: `No service answers ${subject}`,
        });
      }
      if (error instanceof TimeoutError || cause instanceof TimeoutError) {
        throw new BusRequestError({
          code: ErrorCode.UpstreamTimeout,
          message: `${subject} did not answer within ${options.timeoutMs} ms`,
        });
      }
      throw error;
    }
    const reply = JSON.parse(decoder.decode(raw.data)) as WireReply;
    if (!reply.ok) throw new BusRequestError(reply.error);
    return reply.data;
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    const send = () =>
      this.js.publish(this.eventSubject(envelope.type), encoder.encode(JSON.stringify(envelope)), {
        msgID: envelope.id,
        headers: toNatsHeaders({
          [Headers.CorrelationId]: envelope.correlationId,
          [Headers.MessageType]: `${envelope.type}.v${envelope.version}`,
        }),
      });
    try {
      await send();
    } catch (error) {
      // the stream may have been lost (storage wiped, deleted by hand): make it again and retry once
      const missing = await this.jsm.streams
        .info(this.streamName)
        .then(() => false)
        .catch(() => true);
      if (!missing) throw error;
      await this.ensureStream();
      await send();
    }
  }

  async consume(
    consumer: string,
    eventType: string,
    handler: EventHandler,
    options: ConsumeOptions = {},
  ): Promise<Stoppable> {
    const durable = `${consumer}--${eventType}`.replace(/[.*>\s]/g, '_');
    const ackWait = this.eventAckWaitMs * 1_000_000;
    try {
      const existing = await this.jsm.consumers.info(this.streamName, durable);
      if (existing.config.ack_wait !== ackWait) {
        await this.jsm.consumers.update(this.streamName, durable, { ack_wait: ackWait });
      }
    } catch {
      try {
        await this.jsm.consumers.add(this.streamName, {
          durable_name: durable,
          filter_subject: this.eventSubject(eventType),
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: ackWait,
        });
      } catch (error) {
        // another replica added it first
        await this.jsm.consumers.info(this.streamName, durable).catch(() => {
          throw error;
        });
      }
    }
    const js = await this.js.consumers.get(this.streamName, durable);
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    const messages = await js.consume({ max_messages: Math.max(32, concurrency * 2) });
    const handleOne = async (m: JsMsg, envelope: EventEnvelope): Promise<void> => {
      try {
        await handler(envelope);
        m.ack();
      } catch (error) {
        const delay = Math.min(30_000, 500 * 2 ** Math.min(m.info.deliveryCount, 6));
        this.logger.warn(
          { err: error, eventId: envelope.id, durable, delay },
          'event handler failed; will redeliver',
        );
        m.nak(delay);
      }
    };
    const loop = (async () => {
      // events of one case wait for each other; events of different cases run side by side
      const inFlight = new Set<Promise<void>>();
      const lastOfKey = new Map<string, Promise<void>>();
      for await (const m of messages) {
        let envelope: EventEnvelope;
        try {
          envelope = JSON.parse(decoder.decode(m.data)) as EventEnvelope;
        } catch (error) {
          this.logger.error({ err: error, durable }, 'dropping an event that is not JSON');
          m.term();
          continue;
        }
        const key = orderingKeyOf(envelope);
        const task: Promise<void> = (lastOfKey.get(key) ?? Promise.resolve())
          .then(() => handleOne(m, envelope))
          .finally(() => {
            inFlight.delete(task);
            if (lastOfKey.get(key) === task) lastOfKey.delete(key);
          });
        lastOfKey.set(key, task);
        inFlight.add(task);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    })();
    const stoppable: Stoppable = {
      stop: async () => {
        await messages.close();
        await loop.catch(() => undefined);
      },
    };
    this.stopping.add(stoppable);
    return stoppable;
  }

  /** Removes the event stream: operations use, and tests of a broker outage. */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.streamName);
  }

  async isHealthy(): Promise<boolean> {
    if (this.nc.isClosed()) return false;
    try {
      await this.nc.flush();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    for (const s of this.stopping) await s.stop().catch(() => undefined);
    await this.nc.drain().catch(() => undefined);
  }
}
