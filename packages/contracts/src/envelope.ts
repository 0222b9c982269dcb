import type { Role } from './enums.js';

/** Who acts: the logged-in user, or a service acting on its own (e.g. a scheduled re-inquiry). */
export interface Actor {
  /** user id, or `service:<name>` */
  id: string;
  username: string;
  roles: Role[];
  /** the court the actor belongs to, e.g. 辽1104 */
  courtCode: string;
  /** for a party, the id number the account speaks for */
  partyIdNumber?: string;
}

/** Headers every request and event carries across NATS. */
export const Headers = {
  CorrelationId: 'x-correlation-id',
  CausationId: 'x-causation-id',
  Actor: 'x-actor',
  MessageType: 'x-message-type',
} as const;

/**
 * An event as published: a fact in the past tense, with the metadata DESIGN.md requires of every
 * message. `data` is the event's own payload.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  courtCode: string;
  data: T;
}
