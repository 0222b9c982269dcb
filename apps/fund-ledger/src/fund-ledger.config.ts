import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { loadConfig } from '@writ/platform';

/** fund-ledger's own environment; the defaults suit `npm start`. */
export class FundLedgerConfig {
  /** how often the sealer chains what was posted since its last round; 0 = only on request */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  SEALER_INTERVAL_MS: number = 1_000;

  /** transactions sealed per database transaction */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SEALER_BATCH: number = 2_000;
}

export function loadFundLedgerConfig(env: NodeJS.ProcessEnv): FundLedgerConfig {
  return loadConfig(FundLedgerConfig, env);
}
