import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { CaseProgressUseCases } from './application/case-progress.use-cases.js';
import { CaseTimelineQueries } from './application/case-timeline.queries.js';
import { CloseCaseUseCase } from './application/close-case.use-case.js';
import { CourtSettingsUseCase } from './application/court-settings.use-case.js';
import { EntrustmentUseCase } from './application/entrustment.use-case.js';
import { ExtensionUseCase } from './application/extension.use-case.js';
import { FlowProgress } from './application/flow-progress.js';
import { ObjectionsUseCase } from './application/objections.use-case.js';
import { RefuseApplicationUseCase } from './application/refuse-application.use-case.js';
import { ResumeCaseUseCase } from './application/resume-case.use-case.js';
import { PayoutAlerts } from './application/payout-alerts.js';
import { StageEventsHandler } from './application/stage-events.handler.js';
import { ALERT_SCAN_INTERVAL, SupervisionAlerts } from './application/supervision-alerts.js';
import { CaseLifeRepository } from './persistence/case-life.repository.js';
import { CourtSettingsRepository } from './persistence/court-settings.repository.js';
import { EntrustmentRepository } from './persistence/entrustment.repository.js';
import { FlowNodeRepository } from './persistence/flow-node.repository.js';
import { PayoutDueRepository } from './persistence/payout-due.repository.js';
import { CaseLifeRpcController } from './transport/case-life.rpc-controller.js';
import { PayoutAlertsEventController } from './transport/payout-alerts.event-controller.js';
import { StageEventsController } from './transport/stage-events.controller.js';
import { ApprovalHandlerRegistry, ApprovalsUseCase } from './application/approvals.use-case.js';
import { CaseQueries } from './application/case-queries.js';
import { MeasureApprovalHandler, MeasureRecorder, MeasuresUseCase } from './application/measures.use-case.js';
import { MetricsQueries } from './application/metrics.queries.js';
import { RegisterCaseUseCase } from './application/register-case.use-case.js';
import { ApprovalRepository } from './persistence/approval.repository.js';
import { CaseMetricsRecorder } from './persistence/case-metrics.recorder.js';
import { CaseMetricsRepository } from './persistence/case-metrics.repository.js';
import { CaseRepository } from './persistence/case.repository.js';
import { MeasureRepository } from './persistence/measure.repository.js';
import { CasesRpcController } from './transport/cases.rpc-controller.js';
import { MeasuresRpcController } from './transport/measures.rpc-controller.js';
import { MetricsRpcController } from './transport/metrics.rpc-controller.js';

@Module({
  controllers: [
    CasesRpcController,
    MetricsRpcController,
    MeasuresRpcController,
    CaseLifeRpcController,
    StageEventsController,
    PayoutAlertsEventController,
  ],
  providers: [
    CaseRepository,
    RegisterCaseUseCase,
    CaseQueries,
    CaseMetricsRepository,
    CaseMetricsRecorder,
    MetricsQueries,
    MeasureRepository,
    ApprovalRepository,
    ApprovalHandlerRegistry,
    ApprovalsUseCase,
    MeasureRecorder,
    MeasuresUseCase,
    MeasureApprovalHandler,
    CaseLifeRepository,
    CourtSettingsRepository,
    FlowNodeRepository,
    EntrustmentRepository,
    FlowProgress,
    CaseTimelineQueries,
    CaseProgressUseCases,
    CloseCaseUseCase,
    ResumeCaseUseCase,
    ObjectionsUseCase,
    EntrustmentUseCase,
    RefuseApplicationUseCase,
    ExtensionUseCase,
    StageEventsHandler,
    SupervisionAlerts,
    PayoutDueRepository,
    PayoutAlerts,
    CourtSettingsUseCase,
    {
      provide: ALERT_SCAN_INTERVAL,
      // the supervision scan runs every minute unless ALERT_SCAN_INTERVAL_MS says otherwise (0: never)
      useFactory: (env: NodeJS.ProcessEnv) => {
        const value = Number(env['ALERT_SCAN_INTERVAL_MS'] ?? 60_000);
        if (!Number.isInteger(value) || value < 0) {
          throw new Error(
            `ALERT_SCAN_INTERVAL_MS must be a whole number of milliseconds ≥ 0, got ${env['ALERT_SCAN_INTERVAL_MS']}`,
          );
        }
        return value;
      },
      inject: [SERVICE_ENV],
    },
  ],
})
export class CaseIntakeModule {}
