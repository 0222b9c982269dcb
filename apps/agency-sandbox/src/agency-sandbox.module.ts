import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { AnswerInquiryUseCase } from './application/answer-inquiry.use-case.js';
import { SandboxControls } from './application/sandbox-controls.js';
import { InquiryLogRepository } from './persistence/inquiry-log.repository.js';
import { loadSandboxConfig, SandboxConfig } from './sandbox.config.js';
import { AgencyRpcController } from './transport/agency.rpc-controller.js';

@Module({
  controllers: [AgencyRpcController],
  providers: [
    { provide: SandboxConfig, useFactory: loadSandboxConfig, inject: [SERVICE_ENV] },
    SandboxControls,
    InquiryLogRepository,
    AnswerInquiryUseCase,
  ],
})
export class AgencySandboxModule {}
