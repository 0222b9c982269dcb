import { requireCourtStaff } from '@writ/contracts';
import { Injectable } from '@nestjs/common';
import {
  CaseInquiryStatus,
  CodedError,
  ErrorCode,
  InquiryStatus,
  type Actor,
  type InquiryIndicatorView,
  type InquiryReportView,
} from '@writ/contracts';
import { DataSource } from 'typeorm';
import {
  inquiryIndicator,
  respondentReports,
  startedOnTime,
  type IndicatorCase,
  type ReportAsset,
} from '../domain/inquiry-report.js';
import { InquiryRepository } from '../persistence/inquiry.repository.js';

/** The inquiry report of a case, and the court's indicator 立案当日启动财产查控. */
@Injectable()
export class InquiryReportQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inquiries: InquiryRepository,
  ) {}

  async report(caseId: string, actor: Actor): Promise<InquiryReportView> {
    requireCourtStaff(actor, 'the inquiry report');
    const manager = this.dataSource.manager;
    const batch = await this.inquiries.findBatch(manager, caseId);
    const empty = { answered: 0, failed: 0, pending: 0, assetsFound: 0, valueFen: 0 };
    if (!batch || batch.courtCode !== actor.courtCode) {
      return {
        caseId,
        status: CaseInquiryStatus.NotStarted,
        round: 0,
        startedOnTime: null,
        totals: empty,
        respondents: [],
      };
    }
    const [inquiries, assets] = await Promise.all([
      this.inquiries.inquiriesOfCase(manager, caseId),
      this.inquiries.assetsOfCase(manager, caseId),
    ]);
    const respondents = respondentReports(
      inquiries,
      assets.map((a): ReportAsset => ({
        inquiryId: a.inquiryId,
        valueKind: a.valueKind,
        amountFen: a.amountFen,
      })),
    );
    const firstSent = inquiries
      .filter((i) => i.round === 0 && i.firstSentAt)
      .map((i) => i.firstSentAt!.getTime());
    const firstDispatchedAt = firstSent.length ? new Date(Math.min(...firstSent)) : null;
    const totals = respondents.reduce(
      (t, r) => ({
        answered: t.answered + r.answered.length,
        failed: t.failed + r.failed.length,
        pending: t.pending + r.pending.length,
        assetsFound: t.assetsFound + r.answered.reduce((n, a) => n + a.assetsFound, 0),
        valueFen: t.valueFen + r.answered.reduce((n, a) => n + a.valueFen, 0),
      }),
      empty,
    );
    const open = !batch.completedAt || inquiries.some((i) => i.status === InquiryStatus.Pending);
    return {
      caseId,
      caseNumber: batch.caseNumber,
      status: open ? CaseInquiryStatus.InProgress : CaseInquiryStatus.Completed,
      round: inquiries.reduce((max, i) => Math.max(max, i.round), 0),
      filingDate: batch.filingDate,
      ...(firstDispatchedAt ? { firstDispatchedAt: firstDispatchedAt.toISOString() } : {}),
      startedOnTime: startedOnTime({
        filingDate: batch.filingDate,
        startedAt: batch.startedAt,
        hasInquiries: inquiries.some((i) => i.round === 0),
        firstDispatchedAt,
      }),
      totals,
      respondents,
    };
  }

  async indicator(from: string, to: string, actor: Actor): Promise<InquiryIndicatorView> {
    requireCourtStaff(actor, 'the inquiry indicator');
    if (from > to) {
      throw new CodedError(ErrorCode.ValidationFailed, 'the period ends before it begins', {
        errors: [{ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' }],
      });
    }
    const rows = await this.dataSource.manager.query<
      {
        case_id: string;
        case_number: string;
        filing_date: string;
        started_at: Date;
        has_inquiries: boolean;
        first_sent_at: Date | null;
      }[]
    >(
      `SELECT b.case_id, b.case_number, b.filing_date::text AS filing_date, b.started_at,
              EXISTS (SELECT 1 FROM asset_inquiry i WHERE i.case_id = b.case_id AND i.round = 0) AS has_inquiries,
              (SELECT min(i.first_sent_at) FROM asset_inquiry i WHERE i.case_id = b.case_id AND i.round = 0)
                AS first_sent_at
         FROM inquiry_batch b
        WHERE b.court_code = $1 AND b.filing_date BETWEEN $2 AND $3
        ORDER BY b.filing_date, b.case_number`,
      [actor.courtCode, from, to],
    );
    const cases = rows.map((r): IndicatorCase => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      filingDate: r.filing_date,
      startedAt: r.started_at,
      hasInquiries: r.has_inquiries,
      firstDispatchedAt: r.first_sent_at,
    }));
    return { courtCode: actor.courtCode, from, to, ...inquiryIndicator(cases) };
  }
}
