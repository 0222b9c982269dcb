import { runServiceMain } from '@writ/platform';
import { agencySandboxService } from './app.js';

await runServiceMain(agencySandboxService);
