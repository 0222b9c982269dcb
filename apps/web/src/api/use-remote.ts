import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbort } from './client';

export interface Remote<T> {
  /** the last answer; kept while a reload is under way so the screen does not flicker */
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads `load` when a dependency changes or `reload` is called; an unmounted or superseded load is aborted. */
export function useRemote<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Remote<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (isAbort(error) || controller.signal.aborted) return;
        setState((previous) => ({ ...previous, error, loading: false }));
      },
    );
    return () => {
      controller.abort();
    };
    // `load` is a fresh closure each render; the caller's deps say when it means something new
  }, [...deps, reloads]);

  const reload = useCallback(() => {
    setReloads((n) => n + 1);
  }, []);
  return { ...state, reload };
}
