import type { DataSource } from 'typeorm';
import type { MessageBus } from '../bus/message-bus.js';

export interface Readiness {
  ok: boolean;
  body: {
    status: 'ok' | 'unavailable';
    transport: MessageBus['kind'];
    checks: { database: 'up' | 'down'; bus: 'up' | 'down' };
  };
}

/** Ready means both the database and the bus answer now; used by every service and the gateway. */
export async function checkReadiness(dataSource: DataSource, bus: MessageBus): Promise<Readiness> {
  const [database, busUp] = await Promise.all([
    dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false),
    bus.isHealthy(),
  ]);
  const ok = database && busUp;
  return {
    ok,
    body: {
      status: ok ? 'ok' : 'unavailable',
      transport: bus.kind,
      checks: { database: database ? 'up' : 'down', bus: busUp ? 'up' : 'down' },
    },
  };
}
