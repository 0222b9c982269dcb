import {
  InProcessBus,
  createLogger,
  dropDatabase,
  testServiceEnv,
  uniqueSuffix,
  BusClient,
  type RunningService,
} from '@writ/platform';
import { startServicesInProcess } from '../src/launch.js';
import { SERVICES } from '../src/services.js';

// The services that came after the first stages, started the way the launcher's in-process mode starts
// them — one process, one in-process bus — against the real PostgreSQL at 127.0.0.1:5432.
describe('auction, fund-ledger and petitions, each deployable on its own', () => {
  const namespace = `t-new-${uniqueSuffix()}`;
  const specs = SERVICES.filter((s) => ['auction', 'fund-ledger', 'petitions'].includes(s.name));
  const envs = new Map(specs.map((s) => [s.name, testServiceEnv(s.name, namespace)]));
  const bus = new InProcessBus(createLogger('test', 'warn'));
  const client = new BusClient(bus, 5_000);
  let services: RunningService[] = [];

  beforeAll(async () => {
    services = await startServicesInProcess(specs, bus, (name) => envs.get(name)!);
  });

  afterAll(async () => {
    await Promise.all(services.map((s) => s.close()));
    await bus.close();
    await Promise.all([...envs.values()].map((env) => dropDatabase(env['DATABASE_URL']!)));
  });

  it('each answers its health ping on the bus', async () => {
    const pings = await Promise.all([
      client.request('auction.health.ping', {}),
      client.request('ledger.health.ping', {}),
      client.request('petitions.health.ping', {}),
    ]);
    expect(pings.map((p) => p.service)).toEqual(['auction', 'fund-ledger', 'petitions']);
  });

  it('each is live, ready and exposes metrics over HTTP', async () => {
    for (const service of services) {
      expect((await fetch(`${service.httpUrl}/health/live`)).status).toBe(200);
      const ready = await fetch(`${service.httpUrl}/health/ready`);
      expect(await ready.json()).toEqual({
        status: 'ok',
        transport: 'in-process',
        checks: { database: 'up', bus: 'up' },
      });
      expect(await (await fetch(`${service.httpUrl}/metrics`)).text()).toContain(`service="${service.name}"`);
    }
  });

  it('each migrated its own database and recorded its start there, once', async () => {
    for (const service of services) {
      const rows = await service.dataSource.query<unknown[]>(
        `SELECT service, version, schema_version FROM service_info`,
      );
      // the schema it recorded is the newest migration it ran (fund-ledger has its own by now)
      const [newest] = await service.dataSource.query<{ name: string }[]>(
        'SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1',
      );
      expect(rows).toEqual([{ service: service.name, version: '0.1.0', schema_version: newest!.name }]);
      const database = await service.dataSource.query<{ name: string }[]>(
        'SELECT current_database() AS name',
      );
      expect(database[0]!.name).toBe(new URL(envs.get(service.name)!['DATABASE_URL']!).pathname.slice(1));
    }
  });
});
