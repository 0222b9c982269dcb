import { chooseBus, chooseDatabase, readSettings, serviceDatabaseUrl } from './topology.js';

describe('which bus npm start uses', () => {
  const natsUrl = 'nats://127.0.0.1:4222';

  it('uses the NATS that answers with JetStream', () => {
    expect(
      chooseBus({
        forceInProcess: false,
        natsUrl,
        natsAnswers: true,
        natsServerBinary: '/usr/sbin/nats-server',
      }),
    ).toEqual({
      kind: 'external-nats',
      url: natsUrl,
    });
  });

  it('starts nats-server from PATH when no NATS answers', () => {
    expect(
      chooseBus({
        forceInProcess: false,
        natsUrl,
        natsAnswers: false,
        natsServerBinary: '/usr/sbin/nats-server',
      }),
    ).toEqual({
      kind: 'spawn-nats',
      binary: '/usr/sbin/nats-server',
    });
  });

  it('runs every service in one process when there is no NATS and no nats-server', () => {
    expect(chooseBus({ forceInProcess: false, natsUrl, natsAnswers: false })).toMatchObject({
      kind: 'in-process',
    });
  });

  it('runs in one process when forced, even with NATS answering', () => {
    expect(
      chooseBus({
        forceInProcess: true,
        natsUrl,
        natsAnswers: true,
        natsServerBinary: '/usr/sbin/nats-server',
      }),
    ).toEqual({
      kind: 'in-process',
      reason: 'WRIT_FORCE_IN_PROCESS is set',
    });
  });
});

describe('which PostgreSQL npm start uses', () => {
  const serverUrl = 'postgres://writ:secret@db.local:5432/postgres';

  it('uses the server that answers', () => {
    expect(chooseDatabase({ forceEmbedded: false, serverUrl, postgresAnswers: true })).toEqual({
      kind: 'external',
      serverUrl,
    });
  });

  it('starts an embedded one when none answers, without printing the password', () => {
    const choice = chooseDatabase({ forceEmbedded: false, serverUrl, postgresAnswers: false });
    expect(choice.kind).toBe('embedded');
    expect(JSON.stringify(choice)).not.toContain('secret');
  });

  it('starts an embedded one when forced, even with a server answering', () => {
    expect(chooseDatabase({ forceEmbedded: true, serverUrl, postgresAnswers: true })).toMatchObject({
      kind: 'embedded',
    });
  });
});

describe('the launcher environment', () => {
  it('works with no configuration at all', () => {
    expect(readSettings({}, '/repo/.data')).toEqual({
      natsUrl: 'nats://127.0.0.1:4222',
      databaseServerUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      gatewayPort: 3000,
      dataDir: '/repo/.data',
      databasePrefix: 'writ',
      busNamespace: 'writ',
      logLevel: 'warn',
      forceInProcess: false,
      forceEmbeddedPostgres: false,
    });
  });

  it('reads the forcing flags, the port and the data folder', () => {
    const settings = readSettings(
      {
        WRIT_FORCE_IN_PROCESS: '1',
        WRIT_FORCE_EMBEDDED_PG: 'true',
        PORT: '3100',
        WRIT_DATA_DIR: '/tmp/writ',
        BUS_NAMESPACE: 'demo',
      },
      '/repo/.data',
    );
    expect(settings).toMatchObject({
      forceInProcess: true,
      forceEmbeddedPostgres: true,
      gatewayPort: 3100,
      dataDir: '/tmp/writ',
      busNamespace: 'demo',
    });
  });

  it('names the variable that is malformed', () => {
    expect(() => readSettings({ PORT: 'three thousand' }, '/repo/.data')).toThrow(/PORT/);
    expect(() => readSettings({ BUS_NAMESPACE: 'Writ Prod' }, '/repo/.data')).toThrow(/BUS_NAMESPACE/);
  });
});

describe('the database of each service', () => {
  const server = 'postgres://postgres:pw@127.0.0.1:5432/postgres';

  it('is writ_<service> on the server by default, with the server credentials', () => {
    const { databasePrefix } = readSettings({}, '/repo/.data');
    expect(serviceDatabaseUrl(server, databasePrefix, 'case-intake')).toBe(
      'postgres://postgres:pw@127.0.0.1:5432/writ_case_intake',
    );
  });

  it('takes a prefix, so a test run keeps away from the databases of npm start', () => {
    const { databasePrefix } = readSettings({ WRIT_DB_PREFIX: 'writ_sys-4f2a' }, '/repo/.data');
    expect(serviceDatabaseUrl(server, databasePrefix, 'fund-ledger')).toBe(
      'postgres://postgres:pw@127.0.0.1:5432/writ_sys_4f2a_fund_ledger',
    );
  });
});
