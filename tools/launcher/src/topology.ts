/** What the launcher found on this machine, and what it makes of it: pure decisions, tested alone. */

export type BusChoice =
  | { kind: 'external-nats'; url: string }
  | { kind: 'spawn-nats'; binary: string }
  | { kind: 'in-process'; reason: string };

export type DatabaseChoice = { kind: 'external'; serverUrl: string } | { kind: 'embedded'; reason: string };

export interface LaunchSettings {
  natsUrl: string;
  /** the PostgreSQL server; each service gets its own database on it */
  databaseServerUrl: string;
  gatewayPort: number;
  dataDir: string;
  /** databases are named <prefix>_<service>; `writ` by default (writ_case_intake, …) */
  databasePrefix: string;
  busNamespace: string;
  logLevel: string;
  forceInProcess: boolean;
  forceEmbeddedPostgres: boolean;
  /** the services to run besides the gateway; all when WRIT_SERVICES is not set (benchmarks run a subset) */
  services?: string[];
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/** Reads the launcher's environment; throws naming the variable that is malformed. */
export function readSettings(env: NodeJS.ProcessEnv, defaultDataDir: string): LaunchSettings {
  const port = env['PORT']?.trim() || '3000';
  if (!/^\d+$/.test(port) || Number(port) > 65535)
    throw new Error(`PORT must be a port number, not "${port}"`);
  const namespace = env['BUS_NAMESPACE']?.trim() || 'writ';
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(namespace)) {
    throw new Error(`BUS_NAMESPACE must be lowercase letters, digits and dashes, not "${namespace}"`);
  }
  const natsUrl = env['NATS_URL']?.trim() || 'nats://127.0.0.1:4222';
  if (!/^(nats|tls):\/\/.+/.test(natsUrl))
    throw new Error(`NATS_URL must look like nats://host:port, not "${natsUrl}"`);
  const databaseServerUrl = env['DATABASE_URL']?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!/^postgres(ql)?:\/\/.+/.test(databaseServerUrl)) {
    throw new Error(`DATABASE_URL must look like postgres://user@host:port/db`);
  }
  return {
    natsUrl,
    databaseServerUrl,
    gatewayPort: Number(port),
    dataDir: env['WRIT_DATA_DIR']?.trim() || defaultDataDir,
    databasePrefix: (env['WRIT_DB_PREFIX']?.trim() || 'writ').toLowerCase().replace(/[^a-z0-9_]/g, '_'),
    busNamespace: namespace,
    logLevel: env['LOG_LEVEL']?.trim() || 'warn',
    forceInProcess: flag(env['WRIT_FORCE_IN_PROCESS']),
    forceEmbeddedPostgres: flag(env['WRIT_FORCE_EMBEDDED_PG']),
    ...(env['WRIT_SERVICES']?.trim()
      ? {
          services: env['WRIT_SERVICES']
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        }
      : {}),
  };
}

export interface BusProbe {
  forceInProcess: boolean;
  natsUrl: string;
  /** whether NATS at natsUrl accepted a connection with JetStream; unknown when not asked */
  natsAnswers?: boolean;
  /** path of nats-server on PATH, if any */
  natsServerBinary?: string;
}

export function chooseBus(probe: BusProbe): BusChoice {
  if (probe.forceInProcess) return { kind: 'in-process', reason: 'WRIT_FORCE_IN_PROCESS is set' };
  if (probe.natsAnswers) return { kind: 'external-nats', url: probe.natsUrl };
  if (probe.natsServerBinary) return { kind: 'spawn-nats', binary: probe.natsServerBinary };
  return {
    kind: 'in-process',
    reason: `no NATS with JetStream at ${probe.natsUrl} and no nats-server on PATH`,
  };
}

export interface DatabaseProbe {
  forceEmbedded: boolean;
  serverUrl: string;
  /** whether PostgreSQL at serverUrl answered a query; unknown when not asked */
  postgresAnswers?: boolean;
}

export function chooseDatabase(probe: DatabaseProbe): DatabaseChoice {
  if (probe.forceEmbedded) return { kind: 'embedded', reason: 'WRIT_FORCE_EMBEDDED_PG is set' };
  if (probe.postgresAnswers) return { kind: 'external', serverUrl: probe.serverUrl };
  return { kind: 'embedded', reason: `no PostgreSQL answers at ${redactPassword(probe.serverUrl)}` };
}

/** The database of one service on the server: <prefix>_<service>, e.g. writ_case_intake. */
export function serviceDatabaseUrl(serverUrl: string, prefix: string, service: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${service.replace(/-/g, '_')}`.slice(0, 64);
  return url.toString();
}

/** For messages: a URL without its password. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
