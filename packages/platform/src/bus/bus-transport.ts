import {
  BaseRpcContext,
  Server,
  type CustomTransportStrategy,
  type MessageHandler,
} from '@nestjs/microservices';
import {
  CodedError,
  ErrorCode,
  Headers,
  pingSubject,
  type Actor,
  type Clock,
  type EventEnvelope,
  type PingReply,
  type ServicePrefix,
} from '@writ/contracts';
import { lastValueFrom } from 'rxjs';
import { newCorrelationId, runInContext } from '../context.js';
import { actorFromHeaders } from './bus-client.js';
import type { ServiceMetrics } from '../http/metrics.js';
import type { BusHeaders, MessageBus, Stoppable } from './message-bus.js';

/** What a `@MessagePattern` or `@EventPattern` handler can ask about the message in hand. */
export class BusContext extends BaseRpcContext<[string, BusHeaders, EventEnvelope | undefined]> {
  get subject(): string {
    return this.args[0];
  }
  get headers(): BusHeaders {
    return this.args[1];
  }
  /** The acting user, as the gateway or the emitting service stated it. */
  get actor(): Actor | undefined {
    return this.args[2]?.actor ?? actorFromHeaders(this.args[1]);
  }
  /** The actor, or UNAUTHENTICATED: no command is carried out for nobody. */
  requireActor(): Actor {
    const actor = this.actor;
    if (!actor?.id || !actor.courtCode) {
      throw new CodedError(
        ErrorCode.Unauthenticated,
        `${this.subject} needs an acting user (header ${Headers.Actor})`,
      );
    }
    return actor;
  }
  get correlationId(): string | undefined {
    return this.args[2]?.correlationId ?? this.args[1][Headers.CorrelationId];
  }
}

/**
 * How many events a handler takes at once: `@EventPattern(Events.X, { concurrency: 16 })`. Nest chains
 * the handlers of one event type; the largest figure among them applies to the chain.
 */
function eventConcurrencyOf(handler: MessageHandler): number {
  let concurrency = 1;
  for (let h: MessageHandler | undefined = handler; h; h = h.next) {
    const asked = (h.extras as { concurrency?: unknown } | undefined)?.concurrency;
    if (typeof asked === 'number' && asked > concurrency) concurrency = asked;
  }
  return concurrency;
}

/**
 * Lets services keep Nest's `@MessagePattern` / `@EventPattern` while the bus underneath is NATS or
 * in-process: request handlers join the service's queue group, event handlers become durable consumers
 * named after the service. Every service also answers `<prefix>.health.ping`.
 */
export class BusTransportStrategy extends Server implements CustomTransportStrategy {
  private readonly running: Stoppable[] = [];

  constructor(
    private readonly bus: MessageBus,
    private readonly service: string,
    private readonly prefix: ServicePrefix,
    private readonly version: string,
    private readonly clock: Clock,
    private readonly metrics?: ServiceMetrics,
  ) {
    super();
  }

  /** Counts and times each handled message by subject and outcome. */
  private async observed<T>(subject: string, work: () => Promise<T>): Promise<T> {
    const end = this.metrics?.duration.startTimer({ subject });
    try {
      const result = await work();
      this.metrics?.handled.inc({ subject, outcome: 'ok' });
      return result;
    } catch (error) {
      this.metrics?.handled.inc({ subject, outcome: 'error' });
      throw error;
    } finally {
      end?.();
    }
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.subscribeAll().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  private async subscribeAll(): Promise<void> {
    this.running.push(
      await this.bus.serve(pingSubject(this.prefix), this.service, async (): Promise<PingReply> => ({
        service: this.service,
        version: this.version,
        at: this.clock.now().toISOString(),
      })),
    );
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) {
        this.running.push(
          await this.bus.consume(
            this.service,
            pattern,
            async (envelope) => {
              const context = new BusContext([pattern, {}, envelope]);
              await runInContext(
                { correlationId: envelope.correlationId, causationId: envelope.id, actor: envelope.actor },
                () =>
                  this.observed(pattern, async () => {
                    const result = this.transformToObservable(await handler(envelope, context));
                    await lastValueFrom(result, { defaultValue: undefined });
                  }),
              );
            },
            { concurrency: eventConcurrencyOf(handler) },
          ),
        );
      } else {
        this.running.push(
          await this.bus.serve(pattern, this.service, async (body, headers) => {
            const context = new BusContext([pattern, headers, undefined]);
            return runInContext(
              {
                correlationId: headers[Headers.CorrelationId] ?? newCorrelationId(),
                actor: actorFromHeaders(headers),
              },
              () =>
                this.observed(pattern, async () => {
                  const result = this.transformToObservable<unknown>(await handler(body, context));
                  return lastValueFrom(result, { defaultValue: undefined });
                }),
            );
          }),
        );
      }
    }
  }

  async close(): Promise<void> {
    for (const running of this.running.splice(0)) await running.stop().catch(() => undefined);
  }

  on(): void {
    // the bus reports its own status; Nest's event hooks are not used
  }

  unwrap<T>(): T {
    return this.bus as T;
  }
}
