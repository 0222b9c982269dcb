import { startGateway } from './app.js';

try {
  const gateway = await startGateway();
  const stop = (): void => {
    void gateway.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  console.error(`gateway could not start: ${(error as Error).message}`);
  process.exit(1);
}
