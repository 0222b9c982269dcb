import type {
  CaseMoneyView,
  DeadlineStateName,
  DistributionPlanView,
  Fen,
  ImportBankStatementReply,
  ListJournalReply,
  ListPayoutsReply,
  PartyCaseMoneyView,
  PayoutDeadlinesReply,
  PayoutStatusName,
  PayoutView,
  ReceiptSource,
  ReceiptView,
  ReconciliationView,
  RecoveryView,
} from '@writ/contracts/web';
import { getSession } from '../auth/session';
import { ApiError, post, request } from './client';

/** What a party is shown of its case's money: the three sums. */
export type { PartyCaseMoneyView } from '@writ/contracts/web';

/** 到账 recorded by the fund manager: with `caseId` the case's, without it waits in suspense. */
export interface RecordReceiptBody {
  caseId?: string;
  amountFen: Fen;
  source: ReceiptSource;
  receivedOn: string;
  payer?: string;
  reference?: string;
  memo?: string;
}

export interface RequestPayoutBody {
  creditorId: string;
  creditorName: string;
  creditorAccount?: string;
  amountFen: Fen;
  memo?: string;
}

export interface DecidePayoutBody {
  approve: boolean;
  comment?: string;
}

export interface ConfirmPayoutBody {
  paidOn: string;
  bankSerial?: string;
}

const caseUrl = (caseId: string, rest: string) => `/cases/${encodeURIComponent(caseId)}${rest}`;

/** The distribution plan, or null when the case has none (the ledger answers 404). */
async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** 执行案款 through the gateway: the case's money, payouts, the reports and reconciliation. */
export const ledgerApi = {
  caseMoney: (caseId: string, signal?: AbortSignal) =>
    request<CaseMoneyView>(caseUrl(caseId, '/money'), { signal }),

  partyCaseMoney: (caseId: string, signal?: AbortSignal) =>
    request<PartyCaseMoneyView>(caseUrl(caseId, '/money'), { signal }),

  caseJournal: (caseId: string, page: number, pageSize: number, signal?: AbortSignal) =>
    request<ListJournalReply>(caseUrl(caseId, `/journal?page=${String(page)}&pageSize=${String(pageSize)}`), {
      signal,
    }),

  casePayouts: (caseId: string, signal?: AbortSignal) =>
    request<ListPayoutsReply>(caseUrl(caseId, '/payouts'), { signal }),

  caseDistribution: (caseId: string, signal?: AbortSignal) =>
    orNull(request<DistributionPlanView>(caseUrl(caseId, '/distribution'), { signal })),

  caseRecovery: (caseId: string, signal?: AbortSignal) =>
    request<RecoveryView>(caseUrl(caseId, '/recovery'), { signal }),

  recordReceipt: (body: RecordReceiptBody, idempotencyKey: string) =>
    post<ReceiptView>('/ledger/receipts', body, idempotencyKey),

  requestPayout: (caseId: string, body: RequestPayoutBody, idempotencyKey: string) =>
    post<PayoutView>(caseUrl(caseId, '/payouts'), body, idempotencyKey),

  listPayouts: (status: PayoutStatusName | undefined, signal?: AbortSignal) =>
    request<ListPayoutsReply>(`/ledger/payouts${status ? `?status=${status}` : ''}`, { signal }),

  decidePayout: (payoutId: string, body: DecidePayoutBody) =>
    post<PayoutView>(`/ledger/payouts/${encodeURIComponent(payoutId)}/decision`, body),

  confirmPayout: (payoutId: string, body: ConfirmPayoutBody) =>
    post<PayoutView>(`/ledger/payouts/${encodeURIComponent(payoutId)}/confirm`, body),

  overdue: (signal?: AbortSignal) => request<PayoutDeadlinesReply>('/ledger/overdue', { signal }),

  deadlines: (state: DeadlineStateName | undefined, signal?: AbortSignal) =>
    request<PayoutDeadlinesReply>(`/ledger/deadlines${state ? `?state=${state}` : ''}`, { signal }),

  importStatement: (body: { fileName?: string; csv: string }) =>
    post<ImportBankStatementReply>('/ledger/reconciliation/imports', body),

  reconciliation: (period: { from?: string; to?: string }, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (period.from) params.set('from', period.from);
    if (period.to) params.set('to', period.to);
    const search = params.toString();
    return request<ReconciliationView>(`/ledger/reconciliation${search ? `?${search}` : ''}`, { signal });
  },
};

/** The Excel exports' addresses under /api. */
export const ledgerExports = {
  caseJournal: (caseId: string) => caseUrl(caseId, '/journal.xlsx'),
  overdue: () => '/ledger/overdue.xlsx',
  /** `2026-11`, `2026-11-01_2026-11-30` or `all` */
  reconciliation: (period: string) => `/ledger/reconciliation/${encodeURIComponent(period)}.xlsx`,
};

/** The file's name as the server gave it (the UTF-8 `filename*`), or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Downloads a file the gateway answers (an Excel export) with the session's token, and saves it. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = getSession()?.token;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    throw new ApiError({ status: 0, title: 'Network error', detail: String(error) });
  }
  if (!response.ok) {
    let problem: Record<string, unknown> = {};
    try {
      problem = (await response.json()) as Record<string, unknown>;
    } catch {
      // not a problem document
    }
    throw new ApiError({ ...problem, status: response.status });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
