import { useSyncExternalStore } from 'react';
import type { LoginReply } from '@writ/contracts/web';

/** What the browser keeps of a login: the token and who it is for. */
export type Session = LoginReply;

const STORAGE_KEY = 'writ.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

// Cached so useSyncExternalStore sees a stable snapshot between changes.
let current: Session | null = read();

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current && Date.parse(current.expiresAt) > Date.now() ? current : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  current = session;
  emit();
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  if (current === null) return;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}
