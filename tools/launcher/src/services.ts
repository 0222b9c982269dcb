import path from 'node:path';
import type { MessageBus, RunningService, StartOptions } from '@writ/platform';

export interface ServiceSpec {
  /** also its folder under apps/ and the name of its database (writ_<name>) */
  name: string;
  /** its bus prefix: it answers `<prefix>.health.ping` once up */
  prefix: string;
  /** its start function, for running it inside the launcher's process */
  load(): Promise<(options: StartOptions) => Promise<RunningService>>;
}

/** Every service `npm start` runs, besides the gateway. */
export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'case-intake',
    prefix: 'cases',
    load: async () => (await import('@writ/case-intake')).startCaseIntake,
  },
  {
    name: 'asset-control',
    prefix: 'assets',
    load: async () => (await import('@writ/asset-control')).startAssetControl,
  },
  {
    name: 'agency-sandbox',
    prefix: 'agency',
    load: async () => (await import('@writ/agency-sandbox')).startAgencySandbox,
  },
  { name: 'auction', prefix: 'auction', load: async () => (await import('@writ/auction')).startAuction },
  {
    name: 'fund-ledger',
    prefix: 'ledger',
    load: async () => (await import('@writ/fund-ledger')).startFundLedger,
  },
  {
    name: 'petitions',
    prefix: 'petitions',
    load: async () => (await import('@writ/petitions')).startPetitions,
  },
];

export interface RunningGateway {
  url: string;
  close(): Promise<void>;
}

export type StartGateway = (options: {
  env?: NodeJS.ProcessEnv;
  bus?: MessageBus;
}) => Promise<RunningGateway>;

export const GATEWAY = {
  name: 'gateway',
  load: async (): Promise<StartGateway> => (await import('@writ/gateway')).startGateway,
};

/** The entry script a service's container and the launcher run. */
export function mainScript(repoRoot: string, name: string): string {
  return path.join(repoRoot, 'apps', name, 'dist', 'main.js');
}
