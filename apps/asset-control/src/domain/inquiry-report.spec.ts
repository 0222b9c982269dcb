import { AgencyKind, AssetValueKind, InquiryStatus } from '@writ/contracts';
import {
  inquiryIndicator,
  latestInquiries,
  respondentReports,
  standingAnswers,
  startedOnTime,
  type ReportInquiry,
} from './inquiry-report.js';

let n = 0;
function inquiry(over: Partial<ReportInquiry>): ReportInquiry {
  n++;
  return {
    id: `i-${n}`,
    kind: AgencyKind.BankDeposit,
    round: 0,
    respondentPosition: 0,
    respondentIdNumber: 'R0',
    respondentName: '张三',
    status: InquiryStatus.Answered,
    attempts: 1,
    lastError: null,
    answeredAt: new Date('2026-03-02T03:00:00Z'),
    failedAt: null,
    ...over,
  };
}

describe('the inquiry report of a case', () => {
  it('reads each respondent and kind from its latest round, in the order of the case and the kinds', () => {
    const old = inquiry({ kind: AgencyKind.Vehicle });
    const newer = inquiry({ kind: AgencyKind.Vehicle, round: 2 });
    const deposit = inquiry({
      kind: AgencyKind.BankDeposit,
      respondentPosition: 1,
      respondentIdNumber: 'R1',
    });
    const first = inquiry({ kind: AgencyKind.RealEstate });
    expect(latestInquiries([deposit, old, newer, first]).map((i) => i.id)).toEqual([
      first.id,
      newer.id,
      deposit.id,
    ]);
  });

  it('keeps an earlier round’s findings when a later round failed', () => {
    const answered = inquiry({ kind: AgencyKind.Vehicle, round: 1 });
    const failed = inquiry({ kind: AgencyKind.Vehicle, round: 2, status: InquiryStatus.Failed });
    expect([...standingAnswers([answered, failed])]).toEqual([answered.id]);
  });

  it('sorts answered, failed and pending per respondent, with what each answer found', () => {
    const a = inquiry({ kind: AgencyKind.BankDeposit });
    const f = inquiry({
      kind: AgencyKind.RealEstate,
      status: InquiryStatus.Failed,
      attempts: 5,
      lastError: 'AGENCY_FAILED: x',
      answeredAt: null,
      failedAt: new Date('2026-03-02T04:00:00Z'),
    });
    const p = inquiry({
      kind: AgencyKind.Vehicle,
      status: InquiryStatus.Pending,
      attempts: 2,
      answeredAt: null,
    });
    const [report, ...more] = respondentReports(
      [a, f, p],
      [
        { inquiryId: a.id, valueKind: AssetValueKind.Balance, amountFen: 100 },
        { inquiryId: a.id, valueKind: AssetValueKind.None, amountFen: 0 },
      ],
    );
    expect(more).toEqual([]);
    expect(report!.answered).toEqual([
      {
        inquiryId: a.id,
        kind: a.kind,
        round: 0,
        answeredAt: '2026-03-02T03:00:00.000Z',
        assetsFound: 2,
        valueFen: 100,
      },
    ]);
    expect(report!.failed).toEqual([
      {
        inquiryId: f.id,
        kind: f.kind,
        round: 0,
        attempts: 5,
        lastError: 'AGENCY_FAILED: x',
        failedAt: '2026-03-02T04:00:00.000Z',
      },
    ]);
    expect(report!.pending).toEqual([{ inquiryId: p.id, kind: p.kind, round: 0, attempts: 2 }]);
  });
});

describe('立案当日启动财产查控: the first inquiry goes out on the filing date', () => {
  const base = { filingDate: '2026-03-02', startedAt: new Date('2026-03-02T01:00:00Z'), hasInquiries: true };

  it('is on time when the first dispatch falls on the filing date in Beijing time', () => {
    expect(startedOnTime({ ...base, firstDispatchedAt: new Date('2026-03-02T15:59:59Z') })).toBe(true);
    expect(startedOnTime({ ...base, firstDispatchedAt: new Date('2026-03-02T16:00:00Z') })).toBe(false);
    expect(startedOnTime({ ...base, firstDispatchedAt: null })).toBeNull();
  });

  it('counts a case with nobody to ask by the day its inquiry opened', () => {
    expect(startedOnTime({ ...base, hasInquiries: false, firstDispatchedAt: null })).toBe(true);
  });

  it('divides the cases started on time by all implementation cases, listing the late ones', () => {
    const on = { ...base, caseId: 'a', caseNumber: 'A', firstDispatchedAt: new Date('2026-03-02T02:00:00Z') };
    const late = {
      ...base,
      caseId: 'b',
      caseNumber: 'B',
      firstDispatchedAt: new Date('2026-03-03T02:00:00Z'),
    };
    const never = { ...base, caseId: 'c', caseNumber: 'C', firstDispatchedAt: null };
    expect(inquiryIndicator([on, late, never])).toEqual({
      implementationCases: 3,
      startedOnTime: 1,
      rate: 1 / 3,
      late: [
        { caseId: 'b', caseNumber: 'B', filingDate: '2026-03-02', firstDispatchedOn: '2026-03-03' },
        { caseId: 'c', caseNumber: 'C', filingDate: '2026-03-02' },
      ],
    });
    expect(inquiryIndicator([])).toMatchObject({ implementationCases: 0, rate: null });
  });
});
