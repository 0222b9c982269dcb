import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, InProcessBus, NatsBus, type MessageBus, type RunningService } from '@writ/platform';
import { ManagedChild } from './child-process.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { startNatsServer } from './nats-server.js';
import { findOnPath, freePort, natsAnswers, postgresAnswers, sleep } from './probes.js';
import { GATEWAY, mainScript, SERVICES, type RunningGateway, type ServiceSpec } from './services.js';
import { withoutTheirSignalHandlers } from './signals.js';
import {
  chooseBus,
  chooseDatabase,
  readSettings,
  redactPassword,
  serviceDatabaseUrl,
  type BusChoice,
  type DatabaseChoice,
  type LaunchSettings,
} from './topology.js';

export { chooseBus, chooseDatabase, readSettings, SERVICES, GATEWAY };
export type { BusChoice, DatabaseChoice, LaunchSettings, ServiceSpec };

/** The repository root: this file is tools/launcher/{src,dist}/launch.*. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface LaunchOptions {
  /** defaults to process.env: NATS_URL, DATABASE_URL, PORT, WRIT_DATA_DIR, BUS_NAMESPACE, LOG_LEVEL, WRIT_FORCE_* */
  env?: NodeJS.ProcessEnv;
  /** where the launcher and the services' output goes; stdout by default */
  log?: (line: string) => void;
  /** how long to wait for every service and the gateway to answer (default 180 s) */
  readyTimeoutMs?: number;
}

export interface LaunchHandle {
  /** e.g. http://127.0.0.1:3000 */
  gatewayUrl: string;
  /** services as processes on NATS, or all inside this process on the in-process bus */
  mode: 'nats' | 'in-process';
  bus: BusChoice;
  database: DatabaseChoice;
  /** stops the gateway, the services, then the NATS server and PostgreSQL the launcher started */
  close(): Promise<void>;
}

type Step = { what: string; run: () => Promise<unknown> };

/** The services to run: all of them, or the subset WRIT_SERVICES names (an unknown name is an error). */
function selectedServices(settings: LaunchSettings): readonly ServiceSpec[] {
  if (!settings.services) return SERVICES;
  const unknown = settings.services.filter((name) => !SERVICES.some((s) => s.name === name));
  if (unknown.length) throw new Error(`WRIT_SERVICES names unknown services: ${unknown.join(', ')}`);
  return SERVICES.filter((s) => settings.services?.includes(s.name));
}

/**
 * Brings the whole of Writ up on this machine: PostgreSQL and NATS where they answer, embedded ones
 * where they do not, every service, and the gateway; resolves once the gateway answers /api/health.
 */
export async function launch(options: LaunchOptions = {}): Promise<LaunchHandle> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const settings = readSettings(env, path.join(REPO_ROOT, '.data'));
  const readyBy = Date.now() + (options.readyTimeoutMs ?? 180_000);
  const teardown: Step[] = []; // undone last-first
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const step of teardown.reverse()) {
        await step
          .run()
          .catch((error: unknown) => log(`! stopping ${step.what} failed: ${(error as Error).message}`));
      }
    })();
    return closed;
  };

  try {
    const [postgresProbe, natsUp] = await Promise.all([
      settings.forceEmbeddedPostgres ? undefined : postgresAnswers(settings.databaseServerUrl),
      settings.forceInProcess ? undefined : natsAnswers(settings.natsUrl, settings.busNamespace),
    ]);
    const database = chooseDatabase({
      forceEmbedded: settings.forceEmbeddedPostgres,
      serverUrl: settings.databaseServerUrl,
      postgresAnswers: postgresProbe?.ok,
    });
    const bus = chooseBus({
      forceInProcess: settings.forceInProcess,
      natsUrl: settings.natsUrl,
      natsAnswers: natsUp,
      natsServerBinary:
        settings.forceInProcess || natsUp ? undefined : await findOnPath('nats-server', env['PATH']),
    });

    const serverUrl = await startDatabase(database, settings, log, postgresProbe?.reason, teardown);
    const serviceEnv = (name: string): NodeJS.ProcessEnv => ({
      ...env,
      DATABASE_URL: serviceDatabaseUrl(serverUrl, settings.databasePrefix, name),
      BUS_NAMESPACE: settings.busNamespace,
      HTTP_PORT: '0',
      LOG_LEVEL: settings.logLevel,
    });
    const gatewayEnv: NodeJS.ProcessEnv = {
      ...serviceEnv(GATEWAY.name),
      PORT: String(settings.gatewayPort),
      // a local demo with published passwords: this machine only, unless HOST says otherwise
      HOST: env['HOST'] ?? '127.0.0.1',
    };
    delete gatewayEnv['HTTP_PORT'];

    let gatewayUrl: string;
    if (bus.kind === 'in-process') {
      log(`Bus         in-process: every service runs inside this process (${bus.reason})`);
      gatewayUrl = await runInProcess(serviceEnv, gatewayEnv, settings, log, teardown);
      await waitForGateway(gatewayUrl, readyBy, () => undefined);
    } else {
      const natsUrl = await startBus(bus, settings, log, teardown);
      gatewayUrl = await runAsProcesses(natsUrl, serviceEnv, gatewayEnv, settings, log, teardown, readyBy);
    }
    return { gatewayUrl, mode: bus.kind === 'in-process' ? 'in-process' : 'nats', bus, database, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startDatabase(
  choice: DatabaseChoice,
  settings: LaunchSettings,
  log: (line: string) => void,
  probeFailure: string | undefined,
  teardown: Step[],
): Promise<string> {
  if (choice.kind === 'external') {
    log(`PostgreSQL  ${redactPassword(choice.serverUrl)} (one database per service)`);
    return choice.serverUrl;
  }
  const dir = path.join(settings.dataDir, 'postgres');
  log(
    `PostgreSQL  ${choice.reason}${probeFailure ? ` (${probeFailure})` : ''}: starting an embedded one in ${dir}`,
  );
  const verbose = ['debug', 'trace'].includes(settings.logLevel);
  const postgres = await startEmbeddedPostgres({
    dir,
    onLog: verbose ? (line) => log(`postgres       │ ${line}`) : undefined,
  });
  teardown.push({ what: 'embedded PostgreSQL', run: () => postgres.stop() });
  log(
    `PostgreSQL  embedded, ${postgres.created ? 'new cluster' : 'existing data'}, on 127.0.0.1:${postgres.port}`,
  );
  return postgres.serverUrl;
}

async function startBus(
  choice: Exclude<BusChoice, { kind: 'in-process' }>,
  settings: LaunchSettings,
  log: (line: string) => void,
  teardown: Step[],
): Promise<string> {
  if (choice.kind === 'external-nats') {
    log(`NATS        ${choice.url} (JetStream), namespace ${settings.busNamespace}`);
    return choice.url;
  }
  log(`NATS        none at ${settings.natsUrl}: starting ${choice.binary} with JetStream`);
  const nats = await startNatsServer({
    binary: choice.binary,
    storeDir: path.join(settings.dataDir, 'nats'),
    namespace: settings.busNamespace,
    cwd: REPO_ROOT,
    log,
    onUnexpectedExit: (description) => log(`✖ nats-server ${description}; the services have lost their bus`),
  });
  teardown.push({ what: 'nats-server', run: () => nats.stop() });
  log(`NATS        ${nats.url}, store in ${path.join(settings.dataDir, 'nats')}`);
  return nats.url;
}

/** Every service and the gateway as child processes on NATS. */
async function runAsProcesses(
  natsUrl: string,
  serviceEnv: (name: string) => NodeJS.ProcessEnv,
  gatewayEnv: NodeJS.ProcessEnv,
  settings: LaunchSettings,
  log: (line: string) => void,
  teardown: Step[],
  readyBy: number,
): Promise<string> {
  const services = selectedServices(settings);
  const missing = [...services.map((s) => s.name), GATEWAY.name].filter(
    (name) => !existsSync(mainScript(REPO_ROOT, name)),
  );
  if (missing.length)
    throw new Error(`Not built: ${missing.join(', ')} — run \`npm run build\` (npm start does) first`);

  const spawnOne = (name: string, childEnv: NodeJS.ProcessEnv): ManagedChild =>
    new ManagedChild({
      name,
      command: process.execPath,
      args: [mainScript(REPO_ROOT, name)],
      cwd: REPO_ROOT,
      env: { ...childEnv, NATS_URL: natsUrl },
      log,
      onUnexpectedExit: (description) =>
        log(
          `✖ ${name} ${description}. It is not restarted: see its output above, fix, and run npm start again.`,
        ),
    });

  const children = services.map((spec) => ({ spec, child: spawnOne(spec.name, serviceEnv(spec.name)) }));
  teardown.push({ what: 'the services', run: () => Promise.all(children.map(({ child }) => child.stop())) });
  log(
    `Services    starting ${children.map(({ spec, child }) => `${spec.name} (pid ${child.pid})`).join(', ')}`,
  );
  await waitForServices(natsUrl, settings.busNamespace, children, readyBy);

  // PORT=0: a free port, chosen here so the launcher knows where to find the gateway
  const port = settings.gatewayPort || (await freePort());
  const gateway = spawnOne(GATEWAY.name, { ...gatewayEnv, PORT: String(port) });
  teardown.push({ what: 'the gateway', run: () => gateway.stop() });
  const url = `http://127.0.0.1:${port}`;
  await waitForGateway(url, readyBy, () =>
    gateway.hasExited ? `the gateway ${gateway.exitDescription ?? 'stopped'}` : undefined,
  );
  return url;
}

/** Waits until each service answers its `<prefix>.health.ping` on the bus; fails if one stops first. */
async function waitForServices(
  natsUrl: string,
  namespace: string,
  children: { spec: ServiceSpec; child: ManagedChild }[],
  readyBy: number,
): Promise<void> {
  const bus = await NatsBus.connect(natsUrl, namespace, createLogger('launcher', 'silent'), 'writ-launcher');
  try {
    await Promise.all(
      children.map(async ({ spec, child }) => {
        for (;;) {
          if (child.hasExited)
            throw new Error(`${spec.name} ${child.exitDescription ?? 'stopped'} while starting`);
          if (Date.now() > readyBy)
            throw new Error(`${spec.name} did not answer ${spec.prefix}.health.ping in time`);
          if (await answersPing(bus, spec.prefix)) return;
          await sleep(300);
        }
      }),
    );
  } finally {
    await bus.close();
  }
}

async function answersPing(bus: MessageBus, prefix: string): Promise<boolean> {
  try {
    await bus.request(`${prefix}.health.ping`, {}, { timeoutMs: 2_000, headers: {} });
    return true;
  } catch {
    // not answering yet
    return false;
  }
}

/** Every service and the gateway inside this process, sharing one in-process bus. */
async function runInProcess(
  serviceEnv: (name: string) => NodeJS.ProcessEnv,
  gatewayEnv: NodeJS.ProcessEnv,
  settings: LaunchSettings,
  log: (line: string) => void,
  teardown: Step[],
): Promise<string> {
  const bus = new InProcessBus(createLogger('in-process-bus', settings.logLevel));
  teardown.push({ what: 'the in-process bus', run: () => bus.close() });
  const selected = selectedServices(settings);
  log(`Services    starting ${selected.map((s) => s.name).join(', ')} in this process`);
  const services = await startServicesInProcess(selected, bus, serviceEnv);
  teardown.push({
    what: 'the services',
    run: async () => {
      // no service publishes while others are leaving: an event would find its consumer gone
      await Promise.all(services.map((s) => s.relay.stop()));
      await Promise.all(services.map((s) => s.close()));
    },
  });
  const startGateway = await GATEWAY.load();
  const gateway: RunningGateway = await withoutTheirSignalHandlers(() =>
    startGateway({ env: gatewayEnv, bus }),
  );
  teardown.push({ what: 'the gateway', run: () => gateway.close() });
  return gateway.url;
}

/**
 * Starts the given services side by side in this process on one bus; if any fails, stops the ones that
 * started and rethrows. Their own signal handlers are taken back: the launcher stops them in order.
 */
export async function startServicesInProcess(
  specs: readonly ServiceSpec[],
  bus: MessageBus,
  envFor: (name: string) => NodeJS.ProcessEnv,
): Promise<RunningService[]> {
  const results = await withoutTheirSignalHandlers(() =>
    Promise.allSettled(
      specs.map(async (spec) => (await spec.load())({ env: envFor(spec.name), bus, deferRelay: true })),
    ),
  );
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [{ name: specs[i]!.name, error: r.reason as Error }] : [],
  );
  if (failures.length) {
    await Promise.allSettled(started.map((s) => s.close()));
    throw new Error(failures.map((f) => `${f.name} could not start: ${f.error.message}`).join('\n'));
  }
  // every consumer is subscribed now: events (including those left from a previous run) can leave
  for (const service of started) service.relay.start();
  return started;
}

async function waitForGateway(
  baseUrl: string,
  readyBy: number,
  stoppedWhy: () => string | undefined,
): Promise<void> {
  const url = `${baseUrl}/api/health`;
  for (;;) {
    const why = stoppedWhy();
    if (why) throw new Error(`${why} before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > readyBy) throw new Error(`The gateway did not answer ${url} in time`);
    await sleep(300);
  }
}
