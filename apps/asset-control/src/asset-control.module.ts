import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { AssetControlConfig, loadAssetControlConfig, retryPolicyOf } from './asset-control.config.js';
import { BatchCompletion } from './application/batch-completion.js';
import { FindingsQuery } from './application/findings-query.js';
import { InquiryDispatcher } from './application/inquiry-dispatcher.js';
import { RecordInquiryOutcomeUseCase } from './application/record-inquiry-outcome.use-case.js';
import { StartInquiriesUseCase } from './application/start-inquiries.use-case.js';
import { RetryPolicy } from './domain/retry-policy.js';
import { InquiryRepository } from './persistence/inquiry.repository.js';
import { AssetControlEventController } from './transport/asset-control.event-controller.js';
import { AssetControlRpcController } from './transport/asset-control.rpc-controller.js';

@Module({
  controllers: [AssetControlRpcController, AssetControlEventController],
  providers: [
    { provide: AssetControlConfig, useFactory: loadAssetControlConfig, inject: [SERVICE_ENV] },
    { provide: RetryPolicy, useFactory: retryPolicyOf, inject: [AssetControlConfig] },
    InquiryRepository,
    BatchCompletion,
    RecordInquiryOutcomeUseCase,
    InquiryDispatcher,
    StartInquiriesUseCase,
    FindingsQuery,
  ],
})
export class AssetControlModule {}
