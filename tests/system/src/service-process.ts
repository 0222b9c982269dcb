import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, REPO_ROOT } from './harness.js';

/** One built service (`apps/<name>/dist/main.js`) running as its own OS process, as in production. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  logs(): string;
  /** SIGTERM and wait: the service finishes what is in flight and closes. */
  stop(): Promise<void>;
  /** SIGKILL and wait: the process dies at once, mid-work, as on a crash or a lost machine. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

/**
 * Starts `apps/<name>/dist/main.js` with the environment given (its DATABASE_URL, NATS_URL,
 * BUS_NAMESPACE, settings …) on a free HTTP port, and waits until its /health/ready answers.
 */
export async function startServiceProcess(
  name: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', name, 'dist/main.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} while starting:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    pid: child.pid!,
    logs: () => output,
    async stop() {
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
    async kill() {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}
