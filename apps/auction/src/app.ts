import { ServicePrefix } from '@writ/contracts';
import { startService, type RunningService, type ServiceDefinition, type StartOptions } from '@writ/platform';
import { AuctionModule } from './auction.module.js';

/** auction: 评估拍卖 — reference price, lots, announcement, live bidding, rounds, 变卖, 以物抵债, settlement. */
export const auctionService: ServiceDefinition = {
  name: 'auction',
  prefix: ServicePrefix.Auction,
  version: '0.1.0',
  module: AuctionModule,
  entities: [],
  migrations: [],
};

export function startAuction(options?: StartOptions): Promise<RunningService> {
  return startService(auctionService, options);
}
