import { mkdir } from 'node:fs/promises';
import { ManagedChild } from './child-process.js';
import { freePort, natsAnswers, sleep } from './probes.js';

export interface SpawnedNats {
  url: string;
  stop(): Promise<void>;
}

/** Runs `nats-server` with JetStream on a free port, its store under `storeDir`, and waits until it answers. */
export async function startNatsServer(options: {
  binary: string;
  storeDir: string;
  namespace: string;
  cwd: string;
  log: (line: string) => void;
  onUnexpectedExit: (description: string) => void;
  timeoutMs?: number;
}): Promise<SpawnedNats> {
  await mkdir(options.storeDir, { recursive: true });
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const recent: string[] = [];
  const child = new ManagedChild({
    name: 'nats-server',
    command: options.binary,
    args: ['-js', '-sd', options.storeDir, '-a', '127.0.0.1', '-p', String(port)],
    cwd: options.cwd,
    env: process.env,
    // its start-up chatter is kept for an error report, not shown
    log: (line) => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
    },
    onUnexpectedExit: options.onUnexpectedExit,
  });
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await natsAnswers(url, options.namespace, 1_000))) {
    if (child.hasExited || Date.now() > deadline) {
      await child.stop();
      throw new Error(
        `nats-server (${options.binary}) did not come up on port ${port}: ${child.exitDescription ?? 'no answer'}\n${recent.join('\n')}`,
      );
    }
    await sleep(200);
  }
  return { url, stop: () => child.stop() };
}
