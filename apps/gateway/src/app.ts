import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Global, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Clock } from '@writ/contracts';
import {
  BusClient,
  CLOCK,
  createLogger,
  defaultDatabaseUrl,
  LOGGER,
  loadConfig,
  MESSAGE_BUS,
  NatsBus,
  openDataSource,
  PinoNestLogger,
  PlatformTables1764300000000,
  ServiceMetrics,
  SystemClock,
  UnitOfWork,
  type MessageBus,
} from '@writ/platform';
import { DataSource } from 'typeorm';
import { Accounts } from './auth/accounts.js';
import { seedDemoData } from './auth/demo-data.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { TokenService } from './auth/tokens.js';
import { UserRepository } from './auth/user.repository.js';
import { GatewayConfig, LOCAL_DEVELOPMENT_SECRET } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { ProblemFilter } from './http/problem.filter.js';
import { mountOpenApi } from './openapi.js';
import { UsersAndCourts1764300000200 } from './persistence/migrations/1764300000200-users-and-courts.js';

export interface GatewayOptions {
  env?: NodeJS.ProcessEnv;
  /** an existing bus (in-process mode); otherwise NATS at NATS_URL */
  bus?: MessageBus;
  clock?: Clock;
}

export interface RunningGateway {
  url: string;
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** Requests larger than this are refused with 413 before they reach a handler. */
const BODY_LIMIT_BYTES = 256 * 1024;

function defaultWebDist(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

/**
 * The HTTP front door: authentication, roles and court scoping, validation at the boundary,
 * problem+json errors, OpenAPI, and the built web UI at /. It holds no business rules.
 */
export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const env = options.env ?? process.env;
  const config = loadConfig(GatewayConfig, env);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const clock = options.clock ?? new SystemClock();
  const secret = config.JWT_SECRET ?? LOCAL_DEVELOPMENT_SECRET;

  const dataSource = await openDataSource({
    url: config.DATABASE_URL ?? defaultDatabaseUrl('gateway'),
    entities: [],
    migrations: [PlatformTables1764300000000, UsersAndCourts1764300000200],
    poolSize: 10,
  });
  const users = new UserRepository(dataSource);
  if (config.WRIT_MODE === 'local') {
    const added = await seedDemoData(users, clock.now());
    if (added) logger.info({ added }, 'seeded the demo court 辽1104 and its users');
  }
  const ownsBus = !options.bus;
  const bus =
    options.bus ??
    (await NatsBus.connect(config.NATS_URL, config.BUS_NAMESPACE, logger, `${config.BUS_NAMESPACE}:gateway`));
  const metrics = new ServiceMetrics('gateway', async () => 0);

  const providers: Provider[] = [
    { provide: DataSource, useValue: dataSource },
    { provide: MESSAGE_BUS, useValue: bus },
    { provide: BusClient, useValue: new BusClient(bus, config.BUS_REQUEST_TIMEOUT_MS) },
    { provide: CLOCK, useValue: clock },
    { provide: LOGGER, useValue: logger },
    { provide: UserRepository, useValue: users },
    { provide: LoginThrottle, useValue: new LoginThrottle() },
    { provide: Accounts, useValue: new Accounts(users) },
    { provide: TokenService, useValue: new TokenService(secret, config.TOKEN_TTL_MINUTES) },
    { provide: UnitOfWork, useValue: new UnitOfWork(dataSource, clock, 'gateway', () => undefined) },
    { provide: ServiceMetrics, useValue: metrics },
  ];

  @Global()
  @Module({ providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) as never[] })
  class GatewayPlatformModule {}

  @Module({ imports: [GatewayPlatformModule, GatewayModule] })
  class GatewayRootModule {}

  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayRootModule,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  app.setGlobalPrefix('api');
  // by route pattern, not URL, so case ids do not each make a series
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (request, reply) => {
      metrics.http.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  mountOpenApi(app);
  const webDist = config.WEB_DIST ?? defaultWebDist();
  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register((await import('@fastify/static')).default, {
      root: webDist,
      prefix: '/',
      wildcard: false,
    });
  } else {
    logger.warn({ webDist }, 'the web UI is not built; only the API is served');
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ port, bus: bus.kind, mode: config.WRIT_MODE }, 'gateway started');

  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async close() {
      await app.close();
      if (ownsBus) await bus.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
