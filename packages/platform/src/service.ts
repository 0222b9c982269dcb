import {
  Global,
  Module,
  type DynamicModule,
  type INestApplication,
  type Provider,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Clock, ServicePrefix } from '@writ/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { BusClient } from './bus/bus-client.js';
import { BusTransportStrategy } from './bus/bus-transport.js';
import { InProcessBus } from './bus/in-process-bus.js';
import type { MessageBus } from './bus/message-bus.js';
import { NatsBus } from './bus/nats-bus.js';
import { CodedRpcExceptionFilter, createRpcValidationPipe } from './bus/rpc-errors.js';
import { SystemClock } from './clock.js';
import { loadConfig, ServiceConfig } from './config.js';
import { HealthController } from './http/health.controller.js';
import { ServiceMetrics } from './http/metrics.js';
import { createLogger, PinoNestLogger } from './logger.js';
import { openDataSource, type DataSourceOptions } from './persistence/database.js';
import { Inbox } from './persistence/inbox.js';
import { OutboxRelay } from './persistence/outbox-relay.js';
import { PlatformTables1764300000000 } from './persistence/platform-tables.migration.js';
import { ServiceInfo1764300000010, ServiceStartRecorder } from './persistence/service-info.js';
import { UnitOfWork } from './persistence/unit-of-work.js';
import { CLOCK, LOGGER, MESSAGE_BUS, SERVICE_ENV, SERVICE_INFO } from './tokens.js';

/** What a service tells the platform about itself. */
export interface ServiceDefinition {
  /** e.g. case-intake; also its queue group and consumer name */
  name: string;
  prefix: ServicePrefix;
  version: string;
  /** the service's own Nest module: its controllers and providers */
  module: Type;
  entities: DataSourceOptions['entities'];
  /** the service's own migrations; the platform's tables are added before them */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * The service's own defaults for platform settings (e.g. DB_GROUP_BATCHES), where its work is shaped
   * unlike the others'; what the environment sets wins.
   */
  settingDefaults?: Readonly<Record<string, string>>;
}

export interface StartOptions {
  /** defaults to process.env */
  env?: NodeJS.ProcessEnv;
  /** an existing bus (in-process mode shares one); otherwise NATS at NATS_URL */
  bus?: MessageBus;
  clock?: Clock;
  logger?: Logger;
  /** extra providers, e.g. a test's fixed clock replacement for a service-specific token */
  providers?: Provider[];
  /**
   * Leave the outbox relay stopped; the caller starts it (`relay.start()`) once every consumer is
   * listening. In one process on the in-process bus an event published before its consumer has
   * subscribed would reach nobody, so the launcher starts all relays after all services.
   */
  deferRelay?: boolean;
}

export interface RunningService {
  name: string;
  app: INestApplication;
  bus: MessageBus;
  dataSource: DataSource;
  relay: OutboxRelay;
  /** base URL of /health and /metrics */
  httpUrl: string;
  close(): Promise<void>;
}

export function defaultDatabaseUrl(service: string, base = 'postgres://postgres@127.0.0.1:5432'): string {
  const url = new URL(base);
  url.pathname = `/writ_${service.replace(/-/g, '_')}`;
  return url.toString();
}

@Global()
@Module({})
class PlatformModule {
  static forService(providers: Provider[]): DynamicModule {
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [...providers, ServiceStartRecorder],
      exports: providers.map((p) => ('provide' in p ? p.provide : p)) as (string | symbol | Type)[],
    };
  }
}

/**
 * Brings a service up: checks its configuration, creates and migrates its database, joins the bus,
 * starts its handlers, its outbox relay, and a small HTTP server for /health and /metrics.
 */
export async function startService(
  definition: ServiceDefinition,
  options: StartOptions = {},
): Promise<RunningService> {
  const env = { ...definition.settingDefaults, ...(options.env ?? process.env) };
  const config = loadConfig(ServiceConfig, env);
  const logger = options.logger ?? createLogger(definition.name, config.LOG_LEVEL);
  const clock = options.clock ?? new SystemClock();
  const databaseUrl = config.DATABASE_URL ?? defaultDatabaseUrl(definition.name);

  const dataSource = await openDataSource({
    url: databaseUrl,
    poolSize: config.DB_POOL_SIZE,
    entities: definition.entities,
    migrations: [PlatformTables1764300000000, ServiceInfo1764300000010, ...definition.migrations],
  });
  const ownsBus = !options.bus;
  let bus: MessageBus;
  try {
    bus =
      options.bus ??
      (await NatsBus.connect(
        config.NATS_URL,
        config.BUS_NAMESPACE,
        logger,
        `${config.BUS_NAMESPACE}:${definition.name}`,
        { eventAckWaitMs: config.EVENT_ACK_WAIT_MS },
      ));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  const relay = new OutboxRelay(dataSource, bus, clock, logger);
  const unitOfWork = new UnitOfWork(dataSource, clock, definition.name, (events) => relay.committed(events), {
    maxBatches: config.DB_GROUP_BATCHES,
    maxBatch: config.DB_GROUP_MAX,
  });
  const metrics = new ServiceMetrics(definition.name, () => relay.pendingCount());

  const providers: Provider[] = [
    { provide: DataSourceToken, useValue: dataSource },
    { provide: MESSAGE_BUS, useValue: bus },
    { provide: BusClient, useValue: new BusClient(bus, config.BUS_REQUEST_TIMEOUT_MS) },
    { provide: CLOCK, useValue: clock },
    { provide: LOGGER, useValue: logger },
    { provide: UnitOfWork, useValue: unitOfWork },
    { provide: Inbox, useValue: new Inbox(unitOfWork, clock) },
    { provide: OutboxRelay, useValue: relay },
    { provide: ServiceMetrics, useValue: metrics },
    { provide: ServiceConfig, useValue: config },
    { provide: SERVICE_ENV, useValue: env },
    {
      provide: SERVICE_INFO,
      useValue: { name: definition.name, prefix: definition.prefix, version: definition.version },
    },
    ...(options.providers ?? []),
  ];

  @Module({ imports: [PlatformModule.forService(providers), definition.module] })
  class ServiceRootModule {}

  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(ServiceRootModule, new FastifyAdapter(), {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    });
    // deferred, so that the pipe and filter below are in place when the handlers are wired
    const microservice = app.connectMicroservice(
      {
        strategy: new BusTransportStrategy(
          bus,
          definition.name,
          definition.prefix,
          definition.version,
          clock,
          metrics,
        ),
      },
      { deferInitialization: true },
    );
    microservice.useGlobalPipes(createRpcValidationPipe());
    microservice.useGlobalFilters(new CodedRpcExceptionFilter(logger));
    app.enableShutdownHooks();
    await app.startAllMicroservices();
    await app.listen({ port: config.HTTP_PORT, host: env['HTTP_HOST'] ?? '127.0.0.1' });
  } catch (error) {
    // a service that cannot start leaves nothing open behind it
    await app?.close().catch(() => undefined);
    if (ownsBus) await bus.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  if (!options.deferRelay) relay.start();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.HTTP_PORT;
  logger.info(
    { bus: bus.kind, port, database: new URL(databaseUrl).pathname.slice(1) },
    `${definition.name} started`,
  );

  return {
    name: definition.name,
    app,
    bus,
    dataSource,
    relay,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      await relay.stop();
      await app.close();
      if (ownsBus) await bus.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** For main.ts: start, and stop cleanly on SIGTERM / SIGINT. */
export async function runServiceMain(definition: ServiceDefinition): Promise<void> {
  try {
    const service = await startService(definition);
    const stop = (): void => {
      void service.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    console.error(`${definition.name} could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

export { InProcessBus };
