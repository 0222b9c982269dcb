import type {
  CaseDetail,
  CaseStatus,
  CaseType,
  FieldError,
  Fen,
  GetFindingsReply,
  ListCasesReply,
  LoginReply,
  PartyKind,
} from '@writ/contracts/web';
import { clearSession, getSession } from '../auth/session';
import { navigate, paths } from '../router';

/** An `application/problem+json` body as the gateway sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

/** A failed call: an HTTP error with its problem, or status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${String(problem.status)}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** the login call itself answers 401 for bad credentials; do not treat that as an expired session */
  anonymous?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!options.anonymous) {
    const token = getSession()?.token;
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Network error', detail: String(error) });
  }

  if (response.status === 401 && !options.anonymous) {
    clearSession();
    navigate(paths.login, { replace: true });
  }
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export interface PartyInput {
  kind: PartyKind;
  name: string;
  idNumber: string;
}

export interface RegisterCaseBody {
  caseType: CaseType;
  basis: { documentNumber: string; issuingCourt: string; effectiveDate: string };
  applicants: PartyInput[];
  respondents: PartyInput[];
  claimAmountFen: Fen;
  note?: string;
}

export type CaseWithInquiry = CaseDetail & { inquiry: GetFindingsReply | null };

export const api = {
  login: (username: string, password: string) =>
    request<LoginReply>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true }),

  listCases: (query: { page: number; pageSize: number; status?: CaseStatus }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.status) params.set('status', query.status);
    return request<ListCasesReply>(`/cases?${params.toString()}`, { signal });
  },

  getCase: (caseId: string, signal?: AbortSignal) =>
    request<CaseWithInquiry>(`/cases/${encodeURIComponent(caseId)}`, { signal }),

  registerCase: (body: RegisterCaseBody, idempotencyKey: string) =>
    request<CaseDetail>('/cases', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
};

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts, so plain-HTTP intranet hosts fall back. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
