import { runServiceMain } from '@writ/platform';
import { caseIntakeService } from './app.js';

await runServiceMain(caseIntakeService);
