import type { Translate } from '../i18n';
import { ApiError } from './client';

/** One line for the officer: the problem's own detail, or a network hint when the server was unreachable. */
export function problemText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('app.networkError');
    const { detail, title, status } = error.problem;
    return detail ?? title ?? `HTTP ${String(status)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
