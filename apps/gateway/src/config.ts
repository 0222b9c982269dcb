import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

/** The gateway's environment. In production it refuses to start without its secret. */
export class GatewayConfig {
  /** `local` seeds the demo court and users and allows a built-in development secret. */
  @IsIn(['local', 'production'])
  WRIT_MODE: 'local' | 'production' = 'local';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsString()
  @Matches(/^(nats|tls):\/\/.+/, { message: 'NATS_URL must look like nats://host:port' })
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,30}$/, {
    message: 'BUS_NAMESPACE must be lowercase letters, digits and dashes',
  })
  BUS_NAMESPACE = 'writ';

  /** the gateway's own database (users and courts) */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user@host:port/db' })
  DATABASE_URL?: string;

  /** Signs access tokens. Required, at least 32 characters, in production. */
  @ValidateIf((c: GatewayConfig) => c.WRIT_MODE === 'production' || c.JWT_SECRET !== undefined)
  @IsString({ message: 'JWT_SECRET is required in production mode' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  TOKEN_TTL_MINUTES: number = 8 * 60;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  BUS_REQUEST_TIMEOUT_MS: number = 10_000;

  /** where the built web UI is; served at / */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Local mode only: a fixed development secret so tokens survive a restart of `npm start`. */
export const LOCAL_DEVELOPMENT_SECRET = 'writ-local-development-secret-not-for-production';
