import type {
  AgencyKindView,
  ListAgencyKindsReply,
  AlertKind,
  ApprovalStatus,
  CaseActivityKind,
  CaseControlsView,
  ControlApprovalView,
  ListControlApprovalsReply,
  CaseDetail,
  CaseStatus,
  CaseTimelineView,
  CaseType,
  ClosureType,
  ControlKind,
  ControlView,
  CourtMetricsView,
  EntrustmentView,
  ExpiringControlsView,
  FieldError,
  Fen,
  GetFindingsReply,
  GetResearchReply,
  InquiryIndicatorView,
  InquiryReportView,
  LeadKind,
  LeadResult,
  LeadView,
  ListAlertsReply,
  ListApprovalsReply,
  ListCasesReply,
  ListEntrustmentsReply,
  ListLeadsReply,
  ListMeasuresReply,
  LoginReply,
  MeasureDetails,
  MeasureKind,
  MeasureView,
  ObjectionDecision,
  PartyKind,
  PerformanceMode,
  ResendInquiriesReply,
  ScanAlertsReply,
  StaffMemberView,
  SuspensionReason,
  TerminationChecklistView,
  ApprovalView,
  BasisKind,
  CourtSettingsView,
  IntakeRefusalView,
  JurisdictionGround,
} from '@writ/contracts/web';
import { useRef } from 'react';
import { clearSession, getSession } from '../auth/session';
import { navigate, paths } from '../router';

/** An `application/problem+json` body as the gateway sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  /** the rule a refusal names, e.g. TERMINATION_PREREQUISITES */
  rule?: string;
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
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** the login call itself answers 401 for bad credentials; do not treat that as an expired session */
  anonymous?: boolean;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
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
  // a query answering null (say, no 终本 re-search schedule) may come as an empty body
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
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
  /** an organisation's 法定代表人 */
  legalRepresentative?: { name: string; idNumber: string };
}

export interface BasisInput {
  documentNumber: string;
  issuingCourt: string;
  effectiveDate: string;
  kind?: BasisKind;
  performanceDueDate?: string;
}

export interface RegisterCaseBody {
  caseType: CaseType;
  basis: BasisInput;
  applicants: PartyInput[];
  respondents: PartyInput[];
  applicationDate?: string;
  jurisdictionGround?: JurisdictionGround;
  claimAmountFen: Fen;
  note?: string;
  /** for an 执 case: the 执保 case it carries on (保全转执行) */
  preservationCaseId?: string;
}

/** 裁定不予受理: the same application, refused with its reasons instead of registered. */
export interface RefuseApplicationBody {
  applicationDate: string;
  basis: BasisInput;
  applicants: PartyInput[];
  respondents: PartyInput[];
  reasons: string[];
}

/** What the director sets; the view less the court and the stamp of the last change. */
export type PutCourtSettingsBody = Omit<CourtSettingsView, 'courtCode' | 'updatedAt' | 'updatedBy'>;

export type CaseWithInquiry = CaseDetail & { inquiry: GetFindingsReply | null };

export interface RecordActivityBody {
  kind: CaseActivityKind;
  occurredOn: string;
  note?: string;
}

export interface ReassignBody {
  officerId: string;
  teamId?: string;
  reason: string;
}

export interface SuspendBody {
  reason: SuspensionReason;
  note: string;
}

export interface TransferToBankruptcyBody {
  consentBy: 'APPLICANT' | 'RESPONDENT';
  insolvencyFinding: string;
}

export interface CloseCaseBody {
  closureType: ClosureType;
  performanceMode?: PerformanceMode;
  reason: string;
}

export interface FileObjectionBody {
  objector: PartyInput;
  thirdParty: boolean;
  assetRef?: string;
  grounds: string;
}

export interface DecideObjectionBody {
  decision: ObjectionDecision;
  reasoning: string;
}

export interface EntrustBody {
  toCourtCode: string;
  reason: string;
}

export interface DecideMeasureBody {
  kind: MeasureKind;
  respondentIdNumber: string;
  details?: MeasureDetails;
  note?: string;
}

export interface LiftMeasureBody {
  reason: string;
  groundOccurredOn?: string;
}

export interface DecideApprovalBody {
  approve: boolean;
  comment?: string;
}

/** 冻结/查封/扣押 a found asset, or 扣划 from a freeze; money in fen. */
export interface OrderControlBody {
  kind: ControlKind;
  assetId?: string;
  controlId?: string;
  amountFen?: Fen;
  note?: string;
}

/** 续冻/续封: by default for the control's original term. */
export interface RenewControlBody {
  termMonths?: number;
}

export interface ReleaseControlBody {
  /** 部分解除 of a money freeze: the part to unfreeze */
  amountFen?: Fen;
  reason?: string;
}

export interface DecideControlApprovalBody {
  approve: boolean;
  comment?: string;
}

/** 财产线索 given by the applicant. */
export interface RecordLeadBody {
  kind: LeadKind;
  description: string;
  urgent?: boolean;
  providedBy: string;
}

export interface CheckLeadBody {
  result: LeadResult;
  note: string;
}

export function post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    body,
    ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  });
}

const caseUrl = (caseId: string, rest = '') => `/cases/${encodeURIComponent(caseId)}${rest}`;

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
    post<CaseDetail>('/cases', body, idempotencyKey),

  refuseApplication: (body: RefuseApplicationBody, idempotencyKey: string) =>
    post<IntakeRefusalView>('/cases/refusals', body, idempotencyKey),

  getTimeline: (caseId: string, signal?: AbortSignal) =>
    request<CaseTimelineView>(caseUrl(caseId, '/timeline'), { signal }),

  recordActivity: (caseId: string, body: RecordActivityBody) =>
    post<CaseTimelineView>(caseUrl(caseId, '/activities'), body),

  reassign: (caseId: string, body: ReassignBody) =>
    post<CaseTimelineView>(caseUrl(caseId, '/reassign'), body),

  suspend: (caseId: string, body: SuspendBody) => post<CaseTimelineView>(caseUrl(caseId, '/suspend'), body),

  liftSuspension: (caseId: string) => post<CaseTimelineView>(caseUrl(caseId, '/lift-suspension'), {}),

  transferToBankruptcy: (caseId: string, body: TransferToBankruptcyBody) =>
    post<CaseTimelineView>(caseUrl(caseId, '/transfer-to-bankruptcy'), body),

  requestExtension: (caseId: string, body: { reason: string }) =>
    post<CaseTimelineView>(caseUrl(caseId, '/extension'), body),

  getChecklist: (caseId: string, signal?: AbortSignal) =>
    request<TerminationChecklistView>(caseUrl(caseId, '/closure-checklist'), { signal }),

  closeCase: (caseId: string, body: CloseCaseBody) => post<CaseTimelineView>(caseUrl(caseId, '/close'), body),

  resumeCase: (caseId: string, body: { reason: string }, idempotencyKey: string) =>
    post<CaseDetail>(caseUrl(caseId, '/resume'), body, idempotencyKey),

  fileObjection: (caseId: string, body: FileObjectionBody, idempotencyKey: string) =>
    post<CaseDetail>(caseUrl(caseId, '/objections'), body, idempotencyKey),

  decideObjection: (objectionCaseId: string, body: DecideObjectionBody) =>
    post<CaseTimelineView>(`/objections/${encodeURIComponent(objectionCaseId)}/decision`, body),

  entrust: (caseId: string, body: EntrustBody) => post<EntrustmentView>(caseUrl(caseId, '/entrust'), body),

  listEntrustments: (pendingOnly: boolean, signal?: AbortSignal) =>
    request<ListEntrustmentsReply>(`/entrustments?pendingOnly=${String(pendingOnly)}`, { signal }),

  acceptEntrustment: (entrustmentId: string) =>
    post<CaseDetail>(`/entrustments/${encodeURIComponent(entrustmentId)}/accept`, {}),

  listAlerts: (query: { mine: boolean; kind?: AlertKind }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ mine: String(query.mine) });
    if (query.kind) params.set('kind', query.kind);
    return request<ListAlertsReply>(`/alerts?${params.toString()}`, { signal });
  },

  scanAlerts: () => post<ScanAlertsReply>('/alerts/scan', {}),

  listMeasures: (caseId: string, signal?: AbortSignal) =>
    request<ListMeasuresReply>(caseUrl(caseId, '/measures'), { signal }),

  decideMeasure: (caseId: string, body: DecideMeasureBody, idempotencyKey: string) =>
    post<MeasureView>(caseUrl(caseId, '/measures'), body, idempotencyKey),

  liftMeasure: (measureId: string, body: LiftMeasureBody) =>
    post<MeasureView>(`/measures/${encodeURIComponent(measureId)}/lift`, body),

  listApprovals: (
    query: { page: number; pageSize: number; status?: ApprovalStatus; caseId?: string },
    signal?: AbortSignal,
  ) => {
    const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
    if (query.status) params.set('status', query.status);
    if (query.caseId) params.set('caseId', query.caseId);
    return request<ListApprovalsReply>(`/approvals?${params.toString()}`, { signal });
  },

  decideApproval: (approvalId: string, body: DecideApprovalBody) =>
    post<ApprovalView>(`/approvals/${encodeURIComponent(approvalId)}/decision`, body),

  getInquiryReport: (caseId: string, signal?: AbortSignal) =>
    request<InquiryReportView>(caseUrl(caseId, '/inquiry-report'), { signal }),

  /** sends again the one failed inquiry named, or every failed inquiry of the case */
  resendInquiries: (caseId: string, inquiryId?: string) =>
    post<ResendInquiriesReply>(caseUrl(caseId, '/inquiries/resend'), inquiryId ? { inquiryId } : {}),

  listControls: (caseId: string, signal?: AbortSignal) =>
    request<CaseControlsView>(caseUrl(caseId, '/controls'), { signal }),

  orderControl: (caseId: string, body: OrderControlBody, idempotencyKey: string) =>
    post<ControlView>(caseUrl(caseId, '/controls'), body, idempotencyKey),

  renewControl: (controlId: string, body: RenewControlBody, idempotencyKey: string) =>
    post<ControlView>(`/controls/${encodeURIComponent(controlId)}/renew`, body, idempotencyKey),

  releaseControl: (controlId: string, body: ReleaseControlBody, idempotencyKey: string) =>
    post<ControlView>(`/controls/${encodeURIComponent(controlId)}/release`, body, idempotencyKey),

  /** 移交拍卖 of a seizure in force; once per control */
  handToAuction: (controlId: string, idempotencyKey: string) =>
    post<ControlView>(`/controls/${encodeURIComponent(controlId)}/hand-to-auction`, {}, idempotencyKey),

  listControlApprovals: (query: { status?: ApprovalStatus; caseId?: string }, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.caseId) params.set('caseId', query.caseId);
    const search = params.toString();
    return request<ListControlApprovalsReply>(`/control-approvals${search ? `?${search}` : ''}`, { signal });
  },

  decideControlApproval: (approvalId: string, body: DecideControlApprovalBody) =>
    post<ControlApprovalView>(`/control-approvals/${encodeURIComponent(approvalId)}/decision`, body),

  listExpiringControls: (withinDays: number | undefined, signal?: AbortSignal) =>
    request<ExpiringControlsView>(
      `/controls/expiring${withinDays === undefined ? '' : `?withinDays=${String(withinDays)}`}`,
      { signal },
    ),

  listLeads: (caseId: string, signal?: AbortSignal) =>
    request<ListLeadsReply>(caseUrl(caseId, '/leads'), { signal }),

  recordLead: (caseId: string, body: RecordLeadBody, idempotencyKey: string) =>
    post<LeadView>(caseUrl(caseId, '/leads'), body, idempotencyKey),

  checkLead: (leadId: string, body: CheckLeadBody) =>
    post<LeadView>(`/leads/${encodeURIComponent(leadId)}/check`, body),

  listOverdueLeads: (signal?: AbortSignal) => request<ListLeadsReply>('/leads/overdue', { signal }),

  /** null when the case has no 终本 re-search schedule */
  getResearch: async (caseId: string, signal?: AbortSignal): Promise<GetResearchReply> =>
    (await request<GetResearchReply | undefined>(caseUrl(caseId, '/research'), { signal })) ?? null,

  getInquiryIndicator: (period: { from: string; to: string }, signal?: AbortSignal) =>
    request<InquiryIndicatorView>(`/dashboard/inquiry-indicator?${new URLSearchParams(period).toString()}`, {
      signal,
    }),

  getMetrics: (period: { from: string; to: string }, signal?: AbortSignal) =>
    request<CourtMetricsView>(`/dashboard/metrics?${new URLSearchParams(period).toString()}`, { signal }),

  listCourtStaff: (signal?: AbortSignal) => request<StaffMemberView[]>('/court/staff', { signal }),

  getCourtSettings: (signal?: AbortSignal) => request<CourtSettingsView>('/court-settings', { signal }),

  putCourtSettings: (body: PutCourtSettingsBody) =>
    request<CourtSettingsView>('/court-settings', { method: 'PUT', body }),

  listAgencyKinds: (signal?: AbortSignal) => request<ListAgencyKindsReply>('/agency-kinds', { signal }),

  putAgencyKind: (code: string, body: Omit<AgencyKindView, 'code' | 'province' | 'updatedAt'>) =>
    request<AgencyKindView>(`/agency-kinds/${encodeURIComponent(code)}`, {
      method: 'PUT',
      body,
    }),
};

/** A UUID v4; `crypto.randomUUID` exists only in secure contexts, so plain-HTTP intranet hosts fall back. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * One idempotency key per distinct submission: an identical retry (say after a timeout) reuses the key
 * so the server records it once; a changed body gets a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ key: string; body: string } | null>(null);
  return (body) => {
    const serialised = JSON.stringify(body);
    if (last.current?.body !== serialised) last.current = { key: newIdempotencyKey(), body: serialised };
    return last.current.key;
  };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
