import { Module } from '@nestjs/common';
import { SERVICE_ENV } from '@writ/platform';
import { AnswerControlOnceUseCase } from './application/answer-control-once.use-case.js';
import { AnswerControlUseCase } from './application/answer-control.use-case.js';
import { AnswerInquiryUseCase } from './application/answer-inquiry.use-case.js';
import { SandboxControls } from './application/sandbox-controls.js';
import { ControlLogRepository } from './persistence/control-log.repository.js';
import { InquiryLogRepository } from './persistence/inquiry-log.repository.js';
import { loadSandboxConfig, SandboxConfig } from './sandbox.config.js';
import { AgencyControlRpcController } from './transport/agency-control.rpc-controller.js';
import { AgencyRpcController } from './transport/agency.rpc-controller.js';

@Module({
  controllers: [AgencyRpcController, AgencyControlRpcController],
  providers: [
    { provide: SandboxConfig, useFactory: loadSandboxConfig, inject: [SERVICE_ENV] },
    SandboxControls,
    InquiryLogRepository,
    AnswerInquiryUseCase,
    AnswerControlUseCase,
    ControlLogRepository,
    AnswerControlOnceUseCase,
  ],
})
export class AgencySandboxModule {}
