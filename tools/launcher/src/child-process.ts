import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildOptions {
  /** shown before each line of its output */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** called when it stops by itself (not through stop()) */
  onUnexpectedExit?: (description: string) => void;
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** A pino JSON line as `LEVEL message (error)`; anything else as it came. */
export function formatLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    if (typeof entry.msg !== 'string') return line;
    const level = LEVELS[entry.level ?? 30] ?? 'INFO';
    return `${level} ${entry.msg}${entry.err?.message ? ` (${entry.err.message})` : ''}`;
  } catch {
    return line;
  }
}

/**
 * A process the launcher runs and stops: its output prefixed with its name, a report when it stops by
 * itself, no automatic restart. It gets its own process group, so Ctrl-C reaches only the launcher,
 * which stops everything in order; should the launcher die, it still sends them SIGTERM on exit.
 */
export class ManagedChild {
  private readonly child: ChildProcess;
  private stopping = false;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exitDescription?: string;

  private static readonly running = new Set<ManagedChild>();
  private static exitHookInstalled = false;

  constructor(private readonly options: ChildOptions) {
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const prefix = `${options.name.padEnd(14)} │ `;
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream)
        createInterface({ input: stream }).on('line', (line) => options.log(prefix + formatLogLine(line)));
    }
    ManagedChild.running.add(this);
    ManagedChild.installExitHook();
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.exitDescription = `could not be started: ${error.message}`;
        resolve({ code: null, signal: null });
      });
      this.child.once('exit', (code, signal) => {
        this.exitDescription ??= signal ? `was killed by ${signal}` : `exited with code ${code}`;
        resolve({ code, signal });
      });
    });
    void this.exited.then(() => {
      ManagedChild.running.delete(this);
      if (!this.stopping) options.onUnexpectedExit?.(this.exitDescription ?? 'stopped');
    });
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return (
      this.child.exitCode !== null || this.child.signalCode !== null || this.exitDescription !== undefined
    );
  }

  /** SIGTERM, then SIGKILL if it has not gone within the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    if ((await Promise.race([this.exited, late])) === 'late') {
      this.options.log(`${this.options.name} did not stop within ${graceMs} ms; killing it`);
      this.child.kill('SIGKILL');
      await this.exited;
    }
    clearTimeout(timer);
  }

  private static installExitHook(): void {
    if (ManagedChild.exitHookInstalled) return;
    ManagedChild.exitHookInstalled = true;
    process.on('exit', () => {
      for (const child of ManagedChild.running) child.child.kill('SIGTERM');
    });
  }
}
