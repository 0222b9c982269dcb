import { plainToInstance, Type, type ClassConstructor } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once at start-up; a missing or malformed variable stops the process. */
export function loadConfig<T extends object>(
  cls: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const known = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(cls, known, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(config, { whitelist: true, validationError: { target: false } });
  if (errors.length) {
    throw new ConfigError(flattenValidationErrors(errors).map((e) => `${e.field}: ${e.message}`));
  }
  return config;
}

/**
 * A setting that varies by court or province, written as `key=number` pairs separated by commas
 * (`辽1104=20000000,辽1103=100000000`): the pattern a config class checks it with, and its reading.
 */
export const KEYED_NUMBERS_PATTERN = /^\s*[^=,\s]+=\d+\s*(,\s*[^=,\s]+=\d+\s*)*$/u;

export function keyedNumbers(text: string | undefined): Map<string, number> {
  const map = new Map<string, number>();
  for (const pair of (text ?? '').split(',')) {
    const [key, value] = pair.split('=').map((part) => part.trim());
    if (key && value) map.set(key, Number(value));
  }
  return map;
}

/** The environment every Writ service reads. Defaults make a local start work with no configuration. */
export class ServiceConfig {
  /** e.g. nats://127.0.0.1:4222 */
  @IsString()
  @Matches(/^(nats|tls):\/\/.+/, { message: 'NATS_URL must look like nats://host:port' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** The service's own database, e.g. postgres://postgres@127.0.0.1:5432/writ_case_intake */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user@host:port/db' })
  DATABASE_URL?: string;

  /** Prefix of every subject and stream, so several environments can share one NATS. */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,30}$/, {
    message: 'BUS_NAMESPACE must be lowercase letters, digits and dashes',
  })
  BUS_NAMESPACE = 'writ';

  /** Port of the small HTTP server for /health and /metrics (0 picks a free one). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 0;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  BUS_REQUEST_TIMEOUT_MS: number = 10_000;

  /** Connections the service keeps to its database at most. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE: number = 20;

  /** Group commit (`UnitOfWork.runGrouped`): batches running at once; calls that find them all busy form the next. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  DB_GROUP_BATCHES: number = 4;

  /** Group commit: members of one batch at most (each one a subtransaction; PostgreSQL caches 64). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  DB_GROUP_MAX: number = 32;

  /**
   * How long the broker waits for an event's acknowledgement before handing it out again. An event
   * held by a process that died comes back after this long; a handler slower than this may see its
   * event twice (the inbox makes that harmless).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  EVENT_ACK_WAIT_MS: number = 30_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}
