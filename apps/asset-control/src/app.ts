import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { loadAssetControlConfig } from './asset-control.config.js';
import { AssetControlModule } from './asset-control.module.js';
import {
  AssetInquiryRecord,
  FoundAssetRecord,
  InquiryBatchRecord,
} from './persistence/inquiry.orm-entity.js';
import { AssetInquiry1764300000200 } from './persistence/migrations/1764300000200-asset-inquiry.js';

/** asset-control: 财产查控 — inquiries to every agency from the day of registration. */
export const assetControlService: ServiceDefinition = {
  name: 'asset-control',
  prefix: ServicePrefix.AssetControl,
  version: '0.1.0',
  module: AssetControlModule,
  entities: [InquiryBatchRecord, AssetInquiryRecord, FoundAssetRecord],
  migrations: [AssetInquiry1764300000200],
};

export async function startAssetControl(options?: StartOptions): Promise<RunningService> {
  // checked before the platform opens the database and the bus, so a bad setting leaks nothing
  loadAssetControlConfig(options?.env ?? process.env);
  return startService(assetControlService, options);
}
