import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { CaseIntakeModule } from './case-intake.module.js';
import { CaseRecord, PartyRecord } from './persistence/case.orm-entity.js';
import { CaseRegister1764300000100 } from './persistence/migrations/1764300000100-case-register.js';

/** case-intake: 执行立案 and the case's whole life. */
export const caseIntakeService: ServiceDefinition = {
  name: 'case-intake',
  prefix: ServicePrefix.CaseIntake,
  version: '0.1.0',
  module: CaseIntakeModule,
  entities: [CaseRecord, PartyRecord],
  migrations: [CaseRegister1764300000100],
};

export function startCaseIntake(options?: StartOptions): Promise<RunningService> {
  return startService(caseIntakeService, options);
}
