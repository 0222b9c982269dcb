import { runServiceMain } from '@writ/platform';
import { fundLedgerService } from './app.js';

await runServiceMain(fundLedgerService);
