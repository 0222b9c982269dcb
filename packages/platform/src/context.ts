import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@writ/contracts';

/** What travels with one piece of work across the bus: who asked, and the thread it belongs to. */
export interface MessageContext {
  correlationId: string;
  causationId?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<MessageContext>();

export function runInContext<T>(context: MessageContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): MessageContext | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** The actor a service uses when it acts on its own (a timer, a retry), not for a user. */
export function serviceActor(service: string, courtCode = '*'): Actor {
  return { id: `service:${service}`, username: service, roles: [], courtCode };
}
