import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per service (several services may share a process in local mode). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly handled: Counter<'subject' | 'outcome'>;
  readonly duration: Histogram<'subject'>;
  readonly outboxPending: Gauge;
  readonly http: Histogram<'method' | 'route' | 'status'>;

  constructor(service: string, pendingOutbox: () => Promise<number>) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.handled = new Counter({
      name: 'writ_bus_messages_total',
      help: 'Requests and events handled, by subject and outcome',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'writ_bus_handler_seconds',
      help: 'Time spent handling a request or event',
      labelNames: ['subject'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.http = new Histogram({
      name: 'writ_http_request_seconds',
      help: 'HTTP requests served, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.outboxPending = new Gauge({
      name: 'writ_outbox_pending',
      help: 'Events committed but not yet published',
      registers: [this.registry],
      async collect() {
        this.set(await pendingOutbox().catch(() => -1));
      },
    });
  }
}
