import {
  AssetValueKind,
  NATIONAL_AGENCY_KINDS,
  InquiryStatus,
  shanghaiDateOf,
  type AgencyKind,
  type Fen,
  type LateInquiryStartView,
  type LinkedRole,
  type RespondentReportView,
} from '@writ/contracts';

/** One inquiry as the report reads it. */
export interface ReportInquiry {
  id: string;
  kind: AgencyKind;
  round: number;
  respondentPosition: number;
  respondentIdNumber: string;
  respondentName: string;
  /** a person asked about because of the organisation respondent at this place, in this role */
  linkedTo?: number | null;
  linkedRole?: LinkedRole | null;
  status: InquiryStatus;
  attempts: number;
  lastError: string | null;
  answeredAt: Date | null;
  failedAt: Date | null;
}

export interface ReportAsset {
  inquiryId: string;
  valueKind: AssetValueKind;
  amountFen: Fen;
}

/** National kinds in the network's order, then a province's own sources by code. */
export function compareKinds(a: AgencyKind, b: AgencyKind): number {
  const rank = (kind: AgencyKind): number => {
    const i = NATIONAL_AGENCY_KINDS.indexOf(kind);
    return i < 0 ? NATIONAL_AGENCY_KINDS.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
const keyOf = (i: { respondentPosition: number; kind: AgencyKind }): string =>
  `${i.respondentPosition}/${i.kind}`;

/**
 * The latest word on each respondent and agency kind: the inquiry of the highest round (0 at
 * registration, 1… the re-searches after 终本), in the order of the case and of the kinds.
 */
export function latestInquiries<T extends { respondentPosition: number; kind: AgencyKind; round: number }>(
  inquiries: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const i of inquiries) {
    const seen = latest.get(keyOf(i));
    if (!seen || i.round > seen.round) latest.set(keyOf(i), i);
  }
  return [...latest.values()].sort(
    (a, b) => a.respondentPosition - b.respondentPosition || compareKinds(a.kind, b.kind),
  );
}

/**
 * The inquiries whose findings stand: for each respondent and kind, the latest one that was answered —
 * a later round that failed does not wipe out what an earlier one found.
 */
export function standingAnswers<
  T extends {
    id: string;
    respondentPosition: number;
    kind: AgencyKind;
    round: number;
    status: InquiryStatus;
  },
>(inquiries: readonly T[]): Set<string> {
  return new Set(
    latestInquiries(inquiries.filter((i) => i.status === InquiryStatus.Answered)).map((i) => i.id),
  );
}

/** What an asset adds to a total: records without a value (出入境, 婚姻) count as found but add nothing. */
export function valueOf(asset: { valueKind: AssetValueKind; amountFen: Fen }): Fen {
  return asset.valueKind === AssetValueKind.None ? 0 : asset.amountFen;
}

/** Per respondent: which kinds answered and found what, which failed, which are still pending. */
export function respondentReports(
  inquiries: readonly ReportInquiry[],
  assets: readonly ReportAsset[],
): RespondentReportView[] {
  const byInquiry = new Map<string, ReportAsset[]>();
  for (const a of assets) byInquiry.set(a.inquiryId, [...(byInquiry.get(a.inquiryId) ?? []), a]);
  const reports = new Map<number, RespondentReportView>();
  for (const i of latestInquiries(inquiries)) {
    let report = reports.get(i.respondentPosition);
    if (!report) {
      report = {
        respondentIdNumber: i.respondentIdNumber,
        respondentName: i.respondentName,
        ...(i.linkedTo != null && i.linkedRole ? { linkedTo: i.linkedTo, role: i.linkedRole } : {}),
        answered: [],
        failed: [],
        pending: [],
      };
      reports.set(i.respondentPosition, report);
    }
    switch (i.status) {
      case InquiryStatus.Answered: {
        const found = byInquiry.get(i.id) ?? [];
        report.answered.push({
          inquiryId: i.id,
          kind: i.kind,
          round: i.round,
          answeredAt: (i.answeredAt ?? new Date(0)).toISOString(),
          assetsFound: found.length,
          valueFen: found.reduce((sum, a) => sum + valueOf(a), 0),
        });
        break;
      }
      case InquiryStatus.Failed:
        report.failed.push({
          inquiryId: i.id,
          kind: i.kind,
          round: i.round,
          attempts: i.attempts,
          ...(i.lastError ? { lastError: i.lastError } : {}),
          ...(i.failedAt ? { failedAt: i.failedAt.toISOString() } : {}),
        });
        break;
      case InquiryStatus.Pending:
        report.pending.push({
          inquiryId: i.id,
          kind: i.kind,
          round: i.round,
          attempts: i.attempts,
          ...(i.lastError ? { lastError: i.lastError } : {}),
        });
        break;
    }
  }
  return [...reports.values()];
}

/**
 * 立案当日启动财产查控: the case's first inquiry went out on its filing date. A case with nobody to
 * ask counts as started when its inquiry was opened that day; null while nothing has gone out yet.
 */
export function startedOnTime(batch: {
  filingDate: string;
  startedAt: Date;
  hasInquiries: boolean;
  firstDispatchedAt: Date | null;
}): boolean | null {
  if (!batch.hasInquiries) return shanghaiDateOf(batch.startedAt) <= batch.filingDate;
  if (!batch.firstDispatchedAt) return null;
  return shanghaiDateOf(batch.firstDispatchedAt) <= batch.filingDate;
}

export interface IndicatorCase {
  caseId: string;
  caseNumber: string;
  filingDate: string;
  startedAt: Date;
  hasInquiries: boolean;
  firstDispatchedAt: Date | null;
}

/** The leading indicator over the implementation cases filed in a period; not yet started counts as late. */
export function inquiryIndicator(cases: readonly IndicatorCase[]): {
  implementationCases: number;
  startedOnTime: number;
  rate: number | null;
  late: LateInquiryStartView[];
} {
  const late = cases.filter((c) => startedOnTime(c) !== true);
  const onTime = cases.length - late.length;
  return {
    implementationCases: cases.length,
    startedOnTime: onTime,
    rate: cases.length ? onTime / cases.length : null,
    late: late.slice(0, 100).map((c) => ({
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      filingDate: c.filingDate,
      ...(c.firstDispatchedAt ? { firstDispatchedOn: shanghaiDateOf(c.firstDispatchedAt) } : {}),
    })),
  };
}
