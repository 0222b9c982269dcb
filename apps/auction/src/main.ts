import { runServiceMain } from '@writ/platform';
import { auctionService } from './app.js';

await runServiceMain(auctionService);
