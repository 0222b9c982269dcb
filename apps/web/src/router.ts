import { useSyncExternalStore } from 'react';

/** The screens of the app, parsed from `location.hash`. */
export type Route =
  | { name: 'login' }
  | { name: 'case-list' }
  | { name: 'register-case' }
  | { name: 'case-detail'; caseId: string }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { name: 'case-list' };
  const [first, second, ...rest] = segments;
  if (first === 'login' && second === undefined) return { name: 'login' };
  if (first !== 'cases' || rest.length > 0) return { name: 'not-found' };
  if (second === undefined) return { name: 'case-list' };
  if (second === 'new') return { name: 'register-case' };
  return { name: 'case-detail', caseId: decodeURIComponent(second) };
}

export const paths = {
  login: '#/login',
  cases: '#/cases',
  newCase: '#/cases/new',
  caseDetail: (caseId: string) => `#/cases/${encodeURIComponent(caseId)}`,
} as const;

export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.location.replace(url.toString());
  } else {
    window.location.hash = hash;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => {
    window.removeEventListener('hashchange', listener);
  };
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
