import type { Provider, Type } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { DepositUseCase } from './application/deposit.use-case.js';
import { DistributionUseCase } from './application/distribution.use-case.js';
import { FlowsCaseEvents } from './application/flows-case-events.js';
import { FlowsConfig, loadFlowsConfig } from './application/flows-config.js';
import { PayoutDeadlines } from './application/payout-deadlines.js';
import { PayoutUseCase } from './application/payout.use-case.js';
import { ReconciliationUseCase } from './application/reconciliation.use-case.js';
import { RecoveryQuery } from './application/recovery.query.js';
import { FlowsRepository } from './persistence/flows.repository.js';
import { ReconciliationRepository } from './persistence/reconciliation.repository.js';
import { MoneyWay1764300000200 } from './persistence/migrations/1764300000200-money-way.js';
import { Reconciliation1764300000300 } from './persistence/migrations/1764300000300-reconciliation.js';
import { FlowsEventController } from './transport/flows.event-controller.js';
import { FlowsRpcController } from './transport/flows.rpc-controller.js';

/**
 * The money's way out (payouts, distribution plans, the 30-day rule, bidder deposits, reconciliation,
 * 标的到位率): its controllers, providers and migrations, spread into the fund ledger's module and
 * service definition. They use the journal core's providers (Journal, CaseDirectory).
 */
export const FLOWS_CONTROLLERS: Type[] = [FlowsRpcController, FlowsEventController];

export const FLOWS_PROVIDERS: Provider[] = [
  { provide: FlowsConfig, useFactory: loadFlowsConfig, inject: [SERVICE_ENV] },
  FlowsRepository,
  ReconciliationRepository,
  FlowsCaseEvents,
  PayoutUseCase,
  DistributionUseCase,
  PayoutDeadlines,
  DepositUseCase,
  ReconciliationUseCase,
  RecoveryQuery,
];

export const FLOWS_MIGRATIONS = [MoneyWay1764300000200, Reconciliation1764300000300];

export { loadFlowsConfig };
