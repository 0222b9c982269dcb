import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { AssetControlConfig, loadAssetControlConfig, retryPolicyOf } from './asset-control.config.js';
import { AgencyCatalog } from './application/agency-catalog.js';
import { BatchCompletion } from './application/batch-completion.js';
import { CaseSuspensionUseCase } from './application/case-suspension.use-case.js';
import { ClosedCaseControls } from './application/closed-case-controls.js';
import { ControlActionUseCase } from './application/control-action.use-case.js';
import { ControlApprovalUseCase } from './application/control-approval.use-case.js';
import { HandToAuctionUseCase } from './application/hand-to-auction.use-case.js';
import { ControlAgency } from './application/control-agency.js';
import { ControlCaseBackfill } from './application/control-case-backfill.js';
import { ControlCaseUseCase } from './application/control-case.use-case.js';
import { ControlConfig, loadControlConfig } from './application/control-config.js';
import { OrderControlUseCase } from './application/control-order.use-case.js';
import { ControlQuery } from './application/control-query.js';
import { ControlSweep } from './application/control-sweep.js';
import { FindingsQuery } from './application/findings-query.js';
import { InquiryDispatcher } from './application/inquiry-dispatcher.js';
import { InquiryReportQuery } from './application/inquiry-report.query.js';
import { LeadsUseCase } from './application/leads.use-case.js';
import { ResearchRounds } from './application/research-rounds.js';
import { ResearchUseCase } from './application/research.use-case.js';
import { ResendInquiriesUseCase } from './application/resend-inquiries.use-case.js';
import { RecordInquiryOutcomeUseCase } from './application/record-inquiry-outcome.use-case.js';
import { StartInquiriesUseCase } from './application/start-inquiries.use-case.js';
import { RetryPolicy } from './domain/retry-policy.js';
import { ControlApprovalRepository } from './persistence/control-approval.repository.js';
import { ControlRepository } from './persistence/control.repository.js';
import { InquiryRepository } from './persistence/inquiry.repository.js';
import { LeadRepository } from './persistence/lead.repository.js';
import { ResearchRepository } from './persistence/research.repository.js';
import { AgencyCatalogRepository } from './persistence/agency-catalog.repository.js';
import { AgencyCatalogRpcController } from './transport/agency-catalog.rpc-controller.js';
import { AssetControlEventController } from './transport/asset-control.event-controller.js';
import { AssetControlRpcController } from './transport/asset-control.rpc-controller.js';
import { CaseSuspensionEventController } from './transport/case-suspension.event-controller.js';
import { ControlEventController } from './transport/control.event-controller.js';
import { ControlRpcController } from './transport/control.rpc-controller.js';
import { LeadsRpcController } from './transport/leads.rpc-controller.js';
import { ResearchEventController } from './transport/research.event-controller.js';
import { ResearchRpcController } from './transport/research.rpc-controller.js';

@Module({
  controllers: [
    AssetControlRpcController,
    AssetControlEventController,
    LeadsRpcController,
    ResearchRpcController,
    ResearchEventController,
    ControlRpcController,
    ControlEventController,
    CaseSuspensionEventController,
    AgencyCatalogRpcController,
  ],
  providers: [
    { provide: AssetControlConfig, useFactory: loadAssetControlConfig, inject: [SERVICE_ENV] },
    { provide: RetryPolicy, useFactory: retryPolicyOf, inject: [AssetControlConfig] },
    AgencyCatalogRepository,
    AgencyCatalog,
    InquiryRepository,
    BatchCompletion,
    RecordInquiryOutcomeUseCase,
    InquiryDispatcher,
    StartInquiriesUseCase,
    FindingsQuery,
    LeadRepository,
    ResearchRepository,
    ResearchRounds,
    ResearchUseCase,
    ResendInquiriesUseCase,
    InquiryReportQuery,
    LeadsUseCase,
    { provide: ControlConfig, useFactory: loadControlConfig, inject: [SERVICE_ENV] },
    ControlRepository,
    ControlAgency,
    ControlActionUseCase,
    OrderControlUseCase,
    ControlQuery,
    ControlSweep,
    ControlCaseUseCase,
    ControlApprovalRepository,
    ClosedCaseControls,
    ControlApprovalUseCase,
    HandToAuctionUseCase,
    CaseSuspensionUseCase,
    ControlCaseBackfill,
  ],
})
export class AssetControlModule {}
