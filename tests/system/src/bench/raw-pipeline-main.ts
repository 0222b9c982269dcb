import { startRawFront, startRawResponder } from './raw-pipeline.js';

/**
 * Runs one role of the raw pipeline in its own process, so the yardstick has the same process
 * topology as Writ (an HTTP front and a responder), apart from the load generator.
 *   node raw-pipeline-main.js responder <databaseUrl> <natsUrl> <subject>
 *   node raw-pipeline-main.js front <natsUrl> <subject> <port>
 */
const [role, ...args] = process.argv.slice(2);
let stop: () => Promise<void>;
if (role === 'responder') {
  stop = await startRawResponder(args[0]!, args[1]!, args[2]!);
} else if (role === 'front') {
  const front = await startRawFront(args[0]!, args[1]!, Number(args[2]));
  stop = () => front.close();
} else {
  throw new Error(`unknown role ${role}`);
}
process.stdout.write('ready\n');
process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
