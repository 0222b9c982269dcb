import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { CaseIntakeModule } from './case-intake.module.js';
import { CaseRecord, PartyRecord } from './persistence/case.orm-entity.js';
import { CaseRegister1764300000100 } from './persistence/migrations/1764300000100-case-register.js';
import { CaseLife1764300000200 } from './persistence/migrations/1764300000200-case-life.js';
import { MeasuresAndApprovals1764300000300 } from './persistence/migrations/1764300000300-measures-and-approvals.js';
import { CaseMetrics1764300000400 } from './persistence/migrations/1764300000400-case-metrics.js';
import { OfficerCaseload1764300000500 } from './persistence/migrations/1764300000500-officer-caseload.js';
import { PartyLegalRepresentative1764300000600 } from './persistence/migrations/1764300000600-party-legal-representative.js';
import { PayoutAlerts1764300000700 } from './persistence/migrations/1764300000700-payout-alerts.js';

/** case-intake: 执行立案 and the case's whole life. */
export const caseIntakeService: ServiceDefinition = {
  name: 'case-intake',
  prefix: ServicePrefix.CaseIntake,
  version: '0.1.0',
  module: CaseIntakeModule,
  entities: [CaseRecord, PartyRecord],
  migrations: [
    CaseRegister1764300000100,
    CaseLife1764300000200,
    MeasuresAndApprovals1764300000300,
    CaseMetrics1764300000400,
    OfficerCaseload1764300000500,
    PartyLegalRepresentative1764300000600,
    PayoutAlerts1764300000700,
  ],
};

export function startCaseIntake(options?: StartOptions): Promise<RunningService> {
  return startService(caseIntakeService, options);
}

/** For the metrics bench and repair tools: the summary's writer and reader, and the query the dashboard asks. */
export { CaseMetricsRecorder } from './persistence/case-metrics.recorder.js';
export { CaseMetricsRepository } from './persistence/case-metrics.repository.js';
export { MetricsQueries } from './application/metrics.queries.js';
export { courtMetricsView, metricsPeriod } from './domain/court-metrics.js';
