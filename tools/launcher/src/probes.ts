import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { Socket } from 'node:net';
import path from 'node:path';
import { createLogger, NatsBus } from '@writ/platform';
import pg from 'pg';

export { freePort } from './net.js';

/** Whether something accepts a TCP connection at host:port within the time given. */
export function tcpAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Whether PostgreSQL at the URL accepts the connection and answers a query; the reason when not. */
export async function postgresAnswers(
  serverUrl: string,
  timeoutMs = 3_000,
): Promise<{ ok: boolean; reason?: string }> {
  const url = new URL(serverUrl);
  if (!(await tcpAnswers(url.hostname, Number(url.port || 5432), timeoutMs))) {
    return { ok: false, reason: 'nothing listens there' };
  }
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether NATS at the URL accepts a client and has JetStream (connecting makes sure of the event stream). */
export async function natsAnswers(natsUrl: string, namespace: string, timeoutMs = 3_000): Promise<boolean> {
  const url = new URL(natsUrl.replace(/^(nats|tls):/, 'http:'));
  if (!(await tcpAnswers(url.hostname, Number(url.port || 4222), timeoutMs))) return false;
  const connecting = NatsBus.connect(
    natsUrl,
    namespace,
    createLogger('launcher', 'silent'),
    'writ-launcher-probe',
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const bus = await Promise.race([connecting, timeout]);
    if (bus === 'timeout') {
      // a late connection must not stay open
      void connecting.then((late) => late.close()).catch(() => undefined);
      return false;
    }
    await bus.close();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The first executable of that name on PATH. */
export async function findOnPath(
  name: string,
  pathVariable = process.env['PATH'] ?? '',
): Promise<string | undefined> {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
