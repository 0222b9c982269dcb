import { useSyncExternalStore } from 'react';

/** The tabs of a case's page; the tab is part of the address so it can be linked and reloaded. */
export const CASE_TABS = ['overview', 'timeline', 'assets', 'measures', 'money', 'closure', 'links'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** The screens of the app, parsed from `location.hash`. */
export type Route =
  | { name: 'login' }
  | { name: 'home' }
  | { name: 'case-list' }
  | { name: 'register-case' }
  | { name: 'case-detail'; caseId: string; tab: CaseTab }
  | { name: 'alerts' }
  | { name: 'approvals' }
  | { name: 'dashboard' }
  | { name: 'settings' }
  | { name: 'fund-overdue' }
  | { name: 'reconciliation' }
  | { name: 'suspense' }
  | { name: 'journal' }
  | { name: 'deposits' }
  | { name: 'not-found' };

const SINGLE_SEGMENT_ROUTES = {
  login: { name: 'login' },
  alerts: { name: 'alerts' },
  approvals: { name: 'approvals' },
  dashboard: { name: 'dashboard' },
  settings: { name: 'settings' },
  'fund-overdue': { name: 'fund-overdue' },
  reconciliation: { name: 'reconciliation' },
  suspense: { name: 'suspense' },
  journal: { name: 'journal' },
  deposits: { name: 'deposits' },
} as const satisfies Record<string, Route>;

function isCaseTab(value: string): value is CaseTab {
  return (CASE_TABS as readonly string[]).includes(value);
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return { name: 'home' };
  const [first = '', second, third, ...rest] = segments;
  if (second === undefined && first in SINGLE_SEGMENT_ROUTES) {
    return SINGLE_SEGMENT_ROUTES[first as keyof typeof SINGLE_SEGMENT_ROUTES];
  }
  if (first !== 'cases' || rest.length > 0) return { name: 'not-found' };
  if (second === undefined) return { name: 'case-list' };
  if (second === 'new') return third === undefined ? { name: 'register-case' } : { name: 'not-found' };
  if (third !== undefined && !isCaseTab(third)) return { name: 'not-found' };
  return { name: 'case-detail', caseId: decodeURIComponent(second), tab: third ?? 'overview' };
}

export const paths = {
  login: '#/login',
  cases: '#/cases',
  newCase: '#/cases/new',
  caseDetail: (caseId: string, tab: CaseTab = 'overview') =>
    `#/cases/${encodeURIComponent(caseId)}${tab === 'overview' ? '' : `/${tab}`}`,
  alerts: '#/alerts',
  approvals: '#/approvals',
  dashboard: '#/dashboard',
  settings: '#/settings',
  fundOverdue: '#/fund-overdue',
  reconciliation: '#/reconciliation',
  suspense: '#/suspense',
  journal: '#/journal',
  deposits: '#/deposits',
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
