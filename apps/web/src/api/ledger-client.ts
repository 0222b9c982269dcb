import type {
  CaseMoneyView,
  ClaimRankName,
  DeadlineStateName,
  DepositView,
  DistributionPlanView,
  Fen,
  ForfeitApplicationView,
  ImportBankStatementReply,
  JournalTransactionView,
  ListDepositsReply,
  ListJournalReply,
  ListPayoutsReply,
  ListSuspenseReply,
  PartyCaseMoneyView,
  PayoutDeadlinesReply,
  PayoutStatusName,
  PayoutView,
  ReceiptSource,
  ReceiptView,
  ReconciliationView,
  RecoveryView,
  SearchLedgerCasesReply,
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

/** 认领: money waiting in suspense is the case's; naming the unmatched receipt it came with. */
export interface MatchSuspenseBody {
  amountFen: Fen;
  suspenseTransactionId?: string;
  memo?: string;
}

/** One creditor's claim in a distribution plan (参与分配), as the plan's command takes it. */
export interface DistributionClaimBody {
  creditorId: string;
  creditorName: string;
  claimFen: Fen;
  rank: ClaimRankName;
  /** among secured or priority claims, the lower the earlier */
  order?: number;
}

export interface ProposeDistributionBody {
  servedOn?: string;
  claims: DistributionClaimBody[];
}

export interface DecideDistributionObjectionBody {
  uphold: boolean;
  decision: string;
  /** an upheld objection revises the plan */
  claims?: DistributionClaimBody[];
}

/** 竞买保证金 arrived for a lot. */
export interface HoldDepositBody {
  caseId: string;
  lotId: string;
  bidderId: string;
  bidderName: string;
  amountFen: Fen;
}

export interface SettleDepositsBody {
  /** when bidding ended, ISO 8601 with offset */
  endedAt: string;
  /** absent: 流拍, every deposit is due back */
  winnerBidderId?: string;
}

export interface ApplyForfeitedBody {
  resaleCostsFen: Fen;
  originalPriceFen: Fen;
  resalePriceFen: Fen;
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

  /** 待认领款: the court's unmatched receipts with what is left of each */
  suspense: (signal?: AbortSignal) => request<ListSuspenseReply>('/ledger/suspense', { signal }),

  /** the court's cases whose number contains `text` */
  searchCases: (text: string, signal?: AbortSignal) =>
    request<SearchLedgerCasesReply>(
      `/ledger/cases?${new URLSearchParams({ q: text, limit: '20' }).toString()}`,
      {
        signal,
      },
    ),

  matchSuspense: (caseId: string, body: MatchSuspenseBody, idempotencyKey: string) =>
    post<ReceiptView>(caseUrl(caseId, '/suspense-match'), body, idempotencyKey),

  /** the court's journal, newest first */
  journal: (page: number, pageSize: number, signal?: AbortSignal) =>
    request<ListJournalReply>(`/ledger/journal?page=${String(page)}&pageSize=${String(pageSize)}`, {
      signal,
    }),

  reverse: (transactionId: string, body: { reason: string }, idempotencyKey: string) =>
    post<JournalTransactionView>(
      `/ledger/transactions/${encodeURIComponent(transactionId)}/reverse`,
      body,
      idempotencyKey,
    ),

  proposeDistribution: (caseId: string, body: ProposeDistributionBody, idempotencyKey: string) =>
    post<DistributionPlanView>(caseUrl(caseId, '/distribution'), body, idempotencyKey),

  objectToDistribution: (planId: string, body: { objector: string; reason: string }) =>
    post<DistributionPlanView>(`/ledger/distributions/${encodeURIComponent(planId)}/objections`, body),

  decideDistributionObjection: (planId: string, objectionId: string, body: DecideDistributionObjectionBody) =>
    post<DistributionPlanView>(
      `/ledger/distributions/${encodeURIComponent(planId)}/objections/${encodeURIComponent(objectionId)}/decision`,
      body,
    ),

  lotDeposits: (lotId: string, signal?: AbortSignal) =>
    request<ListDepositsReply>(`/ledger/lots/${encodeURIComponent(lotId)}/deposits`, { signal }),

  holdDeposit: (body: HoldDepositBody, idempotencyKey: string) =>
    post<DepositView>('/ledger/deposits', body, idempotencyKey),

  refundDeposit: (depositId: string, body: { bankSerial?: string }) =>
    post<DepositView>(`/ledger/deposits/${encodeURIComponent(depositId)}/refund`, body),

  settleDeposits: (lotId: string, body: SettleDepositsBody) =>
    post<ListDepositsReply>(`/ledger/lots/${encodeURIComponent(lotId)}/deposits/settle`, body),

  forfeitDeposit: (lotId: string, body: { bidderId: string; reason: string }) =>
    post<DepositView>(`/ledger/lots/${encodeURIComponent(lotId)}/deposits/forfeit`, body),

  applyForfeited: (lotId: string, body: ApplyForfeitedBody) =>
    post<ForfeitApplicationView>(`/ledger/lots/${encodeURIComponent(lotId)}/deposits/apply-forfeited`, body),

  /** deposits whose 24-hour refund is late */
  overdueRefunds: (signal?: AbortSignal) =>
    request<ListDepositsReply>('/ledger/deposits/overdue', { signal }),

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
