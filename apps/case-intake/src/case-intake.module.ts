import { Module } from '@nestjs/common';
import { CaseQueries } from './application/case-queries.js';
import { RegisterCaseUseCase } from './application/register-case.use-case.js';
import { CaseRepository } from './persistence/case.repository.js';
import { CasesRpcController } from './transport/cases.rpc-controller.js';

@Module({
  controllers: [CasesRpcController],
  providers: [CaseRepository, RegisterCaseUseCase, CaseQueries],
})
export class CaseIntakeModule {}
