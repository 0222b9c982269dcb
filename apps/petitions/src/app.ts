import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { PetitionsModule } from './petitions.module.js';

/** petitions: 执行信访 — filing, assignment, deadlines, escalation, reply, closure, satisfaction. */
export const petitionsService: ServiceDefinition = {
  name: 'petitions',
  prefix: ServicePrefix.Petitions,
  version: '0.1.0',
  module: PetitionsModule,
  entities: [],
  migrations: [],
};

export function startPetitions(options?: StartOptions): Promise<RunningService> {
  return startService(petitionsService, options);
}
