import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { AgencySandboxModule } from './agency-sandbox.module.js';
import { AgencyInquiryLog1764300000700 } from './persistence/migrations/1764300000700-agency-inquiry-log.js';
import { InquiryLogRepeats1764300000750 } from './persistence/migrations/1764300000750-inquiry-log-repeats.js';
import { AgencyControlLog1764300000780 } from './persistence/migrations/1764300000780-agency-control-log.js';
import { loadSandboxConfig } from './sandbox.config.js';

/** agency-sandbox: stands in for the outside agencies of the 总对总 inquiry network. */
export const agencySandboxService: ServiceDefinition = {
  name: 'agency-sandbox',
  prefix: ServicePrefix.AgencySandbox,
  version: '0.1.0',
  module: AgencySandboxModule,
  entities: [],
  migrations: [AgencyInquiryLog1764300000700, InquiryLogRepeats1764300000750, AgencyControlLog1764300000780],
};

export async function startAgencySandbox(options?: StartOptions): Promise<RunningService> {
  // checked before the platform opens the database and the bus, so a bad setting leaks nothing
  loadSandboxConfig(options?.env ?? process.env);
  return startService(agencySandboxService, options);
}

/** What the sandbox answers for an agency kind and id number, so tests can predict it. */
export { expectedFindings } from './domain/agency-records.js';
/** Which property another court holds first in the sandbox (轮候), so tests can pick held and free records. */
export { otherCourtHold } from './domain/agency-controls.js';
export type { SandboxSettings } from './domain/sandbox-settings.js';
