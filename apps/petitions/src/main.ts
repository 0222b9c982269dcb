import { runServiceMain } from '@writ/platform';
import { petitionsService } from './app.js';

await runServiceMain(petitionsService);
