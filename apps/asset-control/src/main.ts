import { runServiceMain } from '@writ/platform';
import { assetControlService } from './app.js';

await runServiceMain(assetControlService);
