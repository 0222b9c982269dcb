import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { FundLedgerModule } from './fund-ledger.module.js';

/** fund-ledger: 执行案款 — one account per case, double-entry journal, receipts, disbursements, the 30-day payout rule. */
export const fundLedgerService: ServiceDefinition = {
  name: 'fund-ledger',
  prefix: ServicePrefix.FundLedger,
  version: '0.1.0',
  module: FundLedgerModule,
  entities: [],
  migrations: [],
};

export function startFundLedger(options?: StartOptions): Promise<RunningService> {
  return startService(fundLedgerService, options);
}
