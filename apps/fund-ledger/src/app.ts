import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { loadFundLedgerConfig } from './fund-ledger.config.js';
import { FLOWS_MIGRATIONS, loadFlowsConfig } from './flows.module.js';
import { FundLedgerModule } from './fund-ledger.module.js';
import { JournalCore1764300000100 } from './persistence/migrations/1764300000100-journal-core.js';
import { ArrivalAndParties1764300000400 } from './persistence/migrations/1764300000400-arrival-and-parties.js';
import { SuspenseClaim1764300000500 } from './persistence/migrations/1764300000500-suspense-claim.js';

/** the receipt use case, for the ledger bench to call in-process beside the bus path */
export { ReceiptsUseCase } from './application/receipts.use-case.js';

/** fund-ledger: 执行案款 — one account per case, double-entry journal, receipts, disbursements, the 30-day payout rule. */
export const fundLedgerService: ServiceDefinition = {
  name: 'fund-ledger',
  prefix: ServicePrefix.FundLedger,
  version: '0.1.0',
  module: FundLedgerModule,
  entities: [],
  migrations: [
    JournalCore1764300000100,
    ...FLOWS_MIGRATIONS,
    ArrivalAndParties1764300000400,
    SuspenseClaim1764300000500,
  ],
  // one group-commit batch at a time: receipts of a batch are written in one statement, so the batch's
  // cost barely grows with its size, and a second batch would halve the size and add a commit
  // (measured in `npm run bench`: spread postings through NATS 0.76 of the raw transfer with one batch,
  // 0.56 with two, 0.45 with four)
  settingDefaults: { DB_GROUP_BATCHES: '1' },
};

export function startFundLedger(options?: StartOptions): Promise<RunningService> {
  // checked before the platform opens the database and the bus, so a bad setting leaks nothing
  loadFundLedgerConfig(options?.env ?? process.env);
  loadFlowsConfig(options?.env ?? process.env);
  return startService(fundLedgerService, options);
}
