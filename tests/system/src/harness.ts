import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort } from '@writ/launcher/net';
import pg from 'pg';

export { freePort };

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RunningWrit {
  url: string;
  /** the database a service of this run uses (on the shared PostgreSQL) */
  databaseUrl(service: string): string;
  logs: () => string;
  stop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex')}`;
}

/**
 * Starts the whole of Writ the way `npm start` does (the launcher, from the built packages), in its
 * own bus namespace and databases, and waits until the gateway answers.
 */
export async function startWrit(extraEnv: Record<string, string> = {}): Promise<RunningWrit> {
  const port = await freePort();
  const namespace = uniqueName('sys');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    BUS_NAMESPACE: namespace,
    WRIT_DB_PREFIX: `writ_${namespace}`,
    WRIT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'writ-data-')),
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    SANDBOX_LATENCY_MS: '20',
    ...extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/launcher/dist/main.js')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const cleanUp = () => removeRunData(env['WRIT_DB_PREFIX']!, namespace, env);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Writ exited with ${child.exitCode} while starting:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Writ did not come up within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    databaseUrl(service: string) {
      const server = new URL(env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
      server.pathname = `/${env['WRIT_DB_PREFIX']!}_${service.replace(/-/g, '_')}`;
      return server.toString();
    },
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}

/**
 * Removes what a run left on the shared servers — its databases and its event stream — so repeated
 * runs on one machine do not pile up. An embedded PostgreSQL goes away with its temporary folder.
 */
async function removeRunData(
  databasePrefix: string,
  namespace: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (env['WRIT_FORCE_EMBEDDED_PG'] !== '1') {
    const client = new pg.Client({
      connectionString: env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'",
        [databasePrefix],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (env['WRIT_FORCE_IN_PROCESS'] !== '1') {
    const nc = await connect({ servers: env['NATS_URL'] ?? 'nats://127.0.0.1:4222' });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(`${namespace.toUpperCase().replace(/-/g, '_')}_EVENTS`).catch(() => false);
    } finally {
      await nc.close();
    }
  }
}
