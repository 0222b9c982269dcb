import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { CaseDirectory } from './application/case-directory.js';
import { CaseSearchQuery } from './application/case-search.query.js';
import { Journal } from './application/journal.js';
import { JournalSealer } from './application/journal-sealer.js';
import { JournalVerify } from './application/journal-verify.js';
import { CaseMoneyParts, LedgerQuery } from './application/ledger-query.js';
import { ReceiptsUseCase } from './application/receipts.use-case.js';
import { ReversalUseCase } from './application/reversal.use-case.js';
import { SuspenseQuery } from './application/suspense.query.js';
import { FundLedgerConfig, loadFundLedgerConfig } from './fund-ledger.config.js';
import { FLOWS_CONTROLLERS, FLOWS_PROVIDERS } from './flows.module.js';
import { FundOfficeRepository } from './persistence/fund-office.repository.js';
import { JournalRepository } from './persistence/journal.repository.js';
import { LedgerCaseRepository } from './persistence/ledger-case.repository.js';
import { LedgerEventController } from './transport/ledger.event-controller.js';
import { LedgerRpcController } from './transport/ledger.rpc-controller.js';

/** The fund ledger's own handlers and providers. */
@Module({
  controllers: [LedgerRpcController, LedgerEventController, ...FLOWS_CONTROLLERS],
  providers: [
    { provide: FundLedgerConfig, useFactory: loadFundLedgerConfig, inject: [SERVICE_ENV] },
    JournalRepository,
    LedgerCaseRepository,
    Journal,
    JournalSealer,
    JournalVerify,
    CaseDirectory,
    CaseMoneyParts,
    LedgerQuery,
    ReceiptsUseCase,
    ReversalUseCase,
    FundOfficeRepository,
    SuspenseQuery,
    CaseSearchQuery,
    ...FLOWS_PROVIDERS,
  ],
})
export class FundLedgerModule {}
