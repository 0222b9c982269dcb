import { launch, type LaunchHandle } from './launch.js';

// npm start: the whole of Writ on this machine, until Ctrl-C.
const started = Date.now();
let handle: LaunchHandle | undefined;
let stopping = false;

// registered before anything starts, and kept: a second Ctrl-C forces the exit
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopping) {
    console.error(`\n${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: stopping Writ…`);
  void (handle?.close() ?? Promise.resolve()).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Stopping failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  handle = await launch();
  if (stopping) {
    await handle.close();
  } else {
    const where = handle.gatewayUrl.replace('127.0.0.1', 'localhost');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        '',
        `Writ is up at ${where} — log in as officer1 / writ-demo-2026 (see README for the other demo users)`,
        `  ${handle.mode === 'nats' ? 'services as processes on NATS' : 'all services in this process (no NATS)'}, ` +
          `${handle.database.kind === 'embedded' ? 'embedded' : 'your'} PostgreSQL; ready in ${seconds} s. Ctrl-C stops everything.`,
        '',
      ].join('\n'),
    );
  }
} catch (error) {
  console.error(`\nWrit could not start: ${(error as Error).message}`);
  process.exit(1);
}
