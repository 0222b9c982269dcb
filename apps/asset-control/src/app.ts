import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { loadAssetControlConfig } from './asset-control.config.js';
import { loadControlConfig } from './application/control-config.js';
import { AssetControlModule } from './asset-control.module.js';
import {
  AssetInquiryRecord,
  FoundAssetRecord,
  InquiryBatchRecord,
} from './persistence/inquiry.orm-entity.js';
import { AssetInquiry1764300000200 } from './persistence/migrations/1764300000200-asset-inquiry.js';
import { Controls1764300000300 } from './persistence/migrations/1764300000300-controls.js';
import { LeadsAndResearch1764300000400 } from './persistence/migrations/1764300000400-leads-and-research.js';
import { AgencyCatalog1764300000500 } from './persistence/migrations/1764300000500-agency-catalog.js';
import { LedgerRecoveryAndCarriedControls1764300000600 } from './persistence/migrations/1764300000600-ledger-recovery-and-carried-controls.js';
import { ControlApprovalsAndHandOver1764300000650 } from './persistence/migrations/1764300000650-control-approvals-and-hand-over.js';
import { LedgerReversals1764300000700 } from './persistence/migrations/1764300000700-ledger-reversals.js';

/** asset-control: 财产查控 — inquiries to every agency from the day of registration. */
export const assetControlService: ServiceDefinition = {
  name: 'asset-control',
  prefix: ServicePrefix.AssetControl,
  version: '0.1.0',
  module: AssetControlModule,
  entities: [InquiryBatchRecord, AssetInquiryRecord, FoundAssetRecord],
  migrations: [
    AssetInquiry1764300000200,
    Controls1764300000300,
    LeadsAndResearch1764300000400,
    AgencyCatalog1764300000500,
    LedgerRecoveryAndCarriedControls1764300000600,
    ControlApprovalsAndHandOver1764300000650,
    LedgerReversals1764300000700,
  ],
};

export async function startAssetControl(options?: StartOptions): Promise<RunningService> {
  // checked before the platform opens the database and the bus, so a bad setting leaks nothing
  loadAssetControlConfig(options?.env ?? process.env);
  loadControlConfig(options?.env ?? process.env);
  return startService(assetControlService, options);
}
