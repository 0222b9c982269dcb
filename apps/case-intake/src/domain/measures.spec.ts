import {
  CaseStatus,
  CodedError,
  DishonestGround,
  ErrorCode,
  MeasureKind,
  MeasureStatus,
  PartyKind,
  Role,
  type MeasureDetails,
} from '@writ/contracts';
import {
  approveMeasure,
  assertMayDecideMeasures,
  decideMeasure,
  isMinorOn,
  liftMeasure,
  measureFactsOf,
  onFullPerformance,
  rejectMeasure,
  requiredApproverOf,
  summaryOf,
  type Measure,
  type MeasureCase,
} from './measures.js';
import { WEEKENDS_ONLY, workingDayCalendar } from './working-days.js';

const ADULT = { kind: PartyKind.NaturalPerson, name: '王五', idNumber: '211104198503010057' };
/** born 5 May 2012 */
const MINOR = { kind: PartyKind.NaturalPerson, name: '小明', idNumber: '110105201205050014' };
/** born 28 November 2008: 18 on 2026-11-28 */
const EIGHTEEN_TODAY = { kind: PartyKind.NaturalPerson, name: '赵六', idNumber: '211104200811280040' };
/** born 29 November 2008: still 17 on 2026-11-28 */
const EIGHTEEN_TOMORROW = { kind: PartyKind.NaturalPerson, name: '钱七', idNumber: '211104200811290062' };
const COMPANY = {
  kind: PartyKind.Organisation,
  name: '盘锦某某实业有限公司',
  idNumber: '91211104MA0Q00001L',
};
const LEGAL_REP = { name: '孙八', idNumber: '211104198503010057' };

const TODAY = '2026-11-28';

function aCase(overrides: Partial<MeasureCase> = {}): MeasureCase {
  return {
    id: 'case-1',
    courtCode: '辽1104',
    status: CaseStatus.Registered,
    applicationDate: '2026-11-20',
    respondents: [ADULT, MINOR, EIGHTEEN_TODAY, EIGHTEEN_TOMORROW, COMPANY],
    ...overrides,
  };
}

let sequence = 0;
function decide(
  kind: MeasureKind,
  respondentIdNumber: string,
  details: MeasureDetails = {},
  options: { case?: MeasureCase; existing?: Measure[]; today?: string } = {},
): Measure {
  return decideMeasure({
    id: `m-${++sequence}`,
    case: options.case ?? aCase(),
    decision: { kind, respondentIdNumber, details },
    existing: options.existing ?? [],
    today: options.today ?? TODAY,
    decidedBy: 'user-officer-1',
  });
}

/** The coded error a rule threw; fails when nothing was thrown. */
function refusalOf(act: () => unknown): CodedError {
  try {
    act();
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('who approves a measure', () => {
  it('sends a fine and a detention to the president, and credit measures to the director (民诉法 2023 Art 119)', () => {
    expect(requiredApproverOf(MeasureKind.Fine)).toBe(Role.Leader);
    expect(requiredApproverOf(MeasureKind.Detention)).toBe(Role.Leader);
    for (const kind of [
      MeasureKind.DishonestListing,
      MeasureKind.ConsumptionRestriction,
      MeasureKind.ExitRestriction,
      MeasureKind.RewardNotice,
      MeasureKind.RefusalReferral,
    ]) {
      expect(requiredApproverOf(kind)).toBe(Role.Director);
    }
    expect(requiredApproverOf(MeasureKind.ExecutionNotice)).toBeNull();
  });

  it('lets a measure needing approval wait for it, and an execution notice bind at once', () => {
    const fine = decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 5_000_000 });
    expect(fine.status).toBe(MeasureStatus.PendingApproval);
    expect(fine.inForceFrom).toBeUndefined();
    const notice = decide(MeasureKind.ExecutionNotice, ADULT.idNumber);
    expect(notice.status).toBe(MeasureStatus.InForce);
    expect(notice.inForceFrom).toBe(TODAY);
  });

  it('refuses a clerk or a party deciding measures', () => {
    expect(refusalOf(() => assertMayDecideMeasures([Role.Clerk])).details.rule).toBe('MEASURE_DECIDER_ROLE');
    expect(() => assertMayDecideMeasures([Role.Officer])).not.toThrow();
  });
});

describe('罚款 and 拘留 within the law (民诉法 2023 Art 118)', () => {
  it('accepts a fine of exactly ¥100,000 on a person and refuses one fen more', () => {
    expect(decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 10_000_000 }).status).toBe(
      MeasureStatus.PendingApproval,
    );
    const refused = refusalOf(() => decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 10_000_001 }));
    expect(refused.code).toBe(ErrorCode.RuleViolated);
    expect(refused.details.rule).toBe('FINE_PERSON_MAX');
    expect(refused.details.errors?.[0]?.field).toBe('details.amountFen');
  });

  it('refuses a fine on an organisation below ¥50,000 or above ¥1,000,000', () => {
    for (const amountFen of [4_999_999, 100_000_001]) {
      const refused = refusalOf(() => decide(MeasureKind.Fine, COMPANY.idNumber, { amountFen }));
      expect(refused.details.rule).toBe('FINE_ORGANISATION_RANGE');
    }
    expect(decide(MeasureKind.Fine, COMPANY.idNumber, { amountFen: 5_000_000 }).status).toBe(
      MeasureStatus.PendingApproval,
    );
    expect(decide(MeasureKind.Fine, COMPANY.idNumber, { amountFen: 100_000_000 }).status).toBe(
      MeasureStatus.PendingApproval,
    );
  });

  it('refuses a detention longer than 15 days, and counts its last day once approved', () => {
    expect(refusalOf(() => decide(MeasureKind.Detention, ADULT.idNumber, { days: 16 })).details.rule).toBe(
      'DETENTION_MAX_DAYS',
    );
    expect(refusalOf(() => decide(MeasureKind.Detention, ADULT.idNumber, { days: 0 })).details.rule).toBe(
      'DETENTION_MAX_DAYS',
    );
    const pending = decide(MeasureKind.Detention, ADULT.idNumber, { days: 15 });
    const served = approveMeasure(pending, CaseStatus.Registered, '2026-11-30');
    expect(served.inForceFrom).toBe('2026-11-30');
    expect(served.termUntil).toBe('2026-12-14');
  });

  it('detains an organisation only in the person of someone named', () => {
    expect(refusalOf(() => decide(MeasureKind.Detention, COMPANY.idNumber, { days: 5 })).details.rule).toBe(
      'DETENTION_OF_ORGANISATION_NAMES_PERSON',
    );
    expect(
      decide(MeasureKind.Detention, COMPANY.idNumber, { days: 5, responsiblePerson: LEGAL_REP }).status,
    ).toBe(MeasureStatus.PendingApproval);
  });
});

describe('失信 listing (失信名单规定 2017)', () => {
  it('never lists a minor (Art 4)', () => {
    const refused = refusalOf(() =>
      decide(MeasureKind.DishonestListing, MINOR.idNumber, { ground: DishonestGround.BreaksReportDuty }),
    );
    expect(refused.code).toBe(ErrorCode.RuleViolated);
    expect(refused.details.rule).toBe('DISHONEST_NOT_FOR_MINORS');
  });

  it('counts a person as adult from the 18th birthday', () => {
    expect(isMinorOn(EIGHTEEN_TODAY.idNumber, TODAY)).toBe(false);
    expect(isMinorOn(EIGHTEEN_TOMORROW.idNumber, TODAY)).toBe(true);
    expect(
      refusalOf(() =>
        decide(MeasureKind.DishonestListing, EIGHTEEN_TOMORROW.idNumber, {
          ground: DishonestGround.EvadesExecution,
        }),
      ).details.rule,
    ).toBe('DISHONEST_NOT_FOR_MINORS');
    expect(
      decide(MeasureKind.DishonestListing, EIGHTEEN_TODAY.idNumber, {
        ground: DishonestGround.EvadesExecution,
      }).status,
    ).toBe(MeasureStatus.PendingApproval);
  });

  it('lists for 2 years from approval, or 2 + the extension in serious cases (Art 2)', () => {
    const plain = decide(MeasureKind.DishonestListing, ADULT.idNumber, {
      ground: DishonestGround.ObstructsExecution,
    });
    expect(approveMeasure(plain, CaseStatus.Registered, '2026-12-01').termUntil).toBe('2028-12-01');
    const extended = decide(MeasureKind.DishonestListing, COMPANY.idNumber, {
      ground: DishonestGround.ObstructsExecution,
      extensionYears: 3,
    });
    expect(approveMeasure(extended, CaseStatus.Registered, '2026-12-01').termUntil).toBe('2031-12-01');
  });

  it('gives no fixed term to one able but refusing, and refuses to extend it (Art 2)', () => {
    const listing = decide(MeasureKind.DishonestListing, ADULT.idNumber, {
      ground: DishonestGround.AbleButRefuses,
    });
    expect(approveMeasure(listing, CaseStatus.Registered, TODAY).termUntil).toBeUndefined();
    expect(
      refusalOf(() =>
        decide(MeasureKind.DishonestListing, ADULT.idNumber, {
          ground: DishonestGround.AbleButRefuses,
          extensionYears: 1,
        }),
      ).details.rule,
    ).toBe('DISHONEST_NO_TERM_FOR_ABLE_BUT_REFUSES');
  });

  it('refuses an extension beyond 3 years or a grace period beyond 3 months', () => {
    expect(
      refusalOf(() =>
        decide(MeasureKind.DishonestListing, ADULT.idNumber, {
          ground: DishonestGround.EvadesExecution,
          extensionYears: 4,
        }),
      ).details.rule,
    ).toBe('DISHONEST_EXTENSION_RANGE');
    expect(
      refusalOf(() =>
        decide(MeasureKind.DishonestListing, ADULT.idNumber, {
          ground: DishonestGround.EvadesExecution,
          graceMonths: 4,
        }),
      ).details.rule,
    ).toBe('DISHONEST_GRACE_RANGE');
  });

  it('starts the listing and its term after a grace period', () => {
    const listing = decide(MeasureKind.DishonestListing, ADULT.idNumber, {
      ground: DishonestGround.BreaksSettlement,
      graceMonths: 2,
    });
    const approved = approveMeasure(listing, CaseStatus.Registered, '2026-11-30');
    expect(approved.inForceFrom).toBe('2027-01-30');
    expect(approved.termUntil).toBe('2029-01-30');
  });

  it('is due for deletion 3 working days after the removal ground, and records a late deletion (Art 10)', () => {
    const listed = approveMeasure(
      decide(MeasureKind.DishonestListing, ADULT.idNumber, { ground: DishonestGround.BreaksReportDuty }),
      CaseStatus.Registered,
      '2026-11-02',
    );
    // paid on Friday 27 November: due by Wednesday 2 December
    const onTime = liftMeasure(
      listed,
      { on: '2026-12-02', groundOccurredOn: '2026-11-27', reason: '已履行', by: 'u' },
      WEEKENDS_ONLY,
    );
    expect(onTime.status).toBe(MeasureStatus.Lifted);
    expect(onTime.removalDueOn).toBe('2026-12-02');
    expect(onTime.removedLate).toBe(false);
    const late = liftMeasure(
      listed,
      { on: '2026-12-03', groundOccurredOn: '2026-11-27', reason: '已履行', by: 'u' },
      WEEKENDS_ONLY,
    );
    expect(late.removedLate).toBe(true);
    // with Monday 30 November a holiday the deletion is due a day later
    const holiday = workingDayCalendar({ holidays: ['2026-11-30'] });
    expect(
      liftMeasure(
        listed,
        { on: '2026-12-03', groundOccurredOn: '2026-11-27', reason: '已履行', by: 'u' },
        holiday,
      ).removedLate,
    ).toBe(false);
  });
});

describe('限制消费令 (限制消费规定 2015)', () => {
  it('covers an organisation’s legal representative, who must be named (Art 3)', () => {
    expect(refusalOf(() => decide(MeasureKind.ConsumptionRestriction, COMPANY.idNumber)).details.rule).toBe(
      'CONSUMPTION_RESTRICTION_COVERS_LEGAL_REPRESENTATIVE',
    );
    expect(
      decide(MeasureKind.ConsumptionRestriction, COMPANY.idNumber, { legalRepresentative: LEGAL_REP }).status,
    ).toBe(MeasureStatus.PendingApproval);
    expect(
      refusalOf(() =>
        decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber, { legalRepresentative: LEGAL_REP }),
      ).details.rule,
    ).toBe('PERSON_ONLY_FOR_ORGANISATION');
  });

  it('refuses a second restriction of the same respondent while one is pending or in force', () => {
    const first = decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber);
    const refused = refusalOf(() =>
      decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber, {}, { existing: [first] }),
    );
    expect(refused.code).toBe(ErrorCode.InvalidState);
    expect(refused.details.rule).toBe('MEASURE_ALREADY_STANDING');
    const lifted = liftMeasure(
      approveMeasure(first, CaseStatus.Registered, TODAY),
      { on: TODAY, reason: '和解', by: 'u' },
      WEEKENDS_ONLY,
    );
    expect(
      decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber, {}, { existing: [lifted] }).status,
    ).toBe(MeasureStatus.PendingApproval);
  });
});

describe('执行通知书 and 报告财产令 (民诉解释 Art 480)', () => {
  it('is due 10 days after the application, and a later one is flagged late, not refused', () => {
    const onTime = decide(MeasureKind.ExecutionNotice, ADULT.idNumber, {}, { today: '2026-11-30' });
    expect(onTime.dueOn).toBe('2026-11-30');
    expect(onTime.late).toBe(false);
    const late = decide(MeasureKind.ExecutionNotice, COMPANY.idNumber, {}, { today: '2026-12-01' });
    expect(late.status).toBe(MeasureStatus.InForce);
    expect(late.late).toBe(true);
  });

  it('is issued to a respondent once and cannot be lifted', () => {
    const notice = decide(MeasureKind.ExecutionNotice, ADULT.idNumber);
    expect(
      refusalOf(() => decide(MeasureKind.ExecutionNotice, ADULT.idNumber, {}, { existing: [notice] })).details
        .rule,
    ).toBe('MEASURE_ALREADY_STANDING');
    expect(
      refusalOf(() => liftMeasure(notice, { on: TODAY, reason: 'x', by: 'u' }, WEEKENDS_ONLY)).details.rule,
    ).toBe('EXECUTION_NOTICE_NOT_LIFTABLE');
  });
});

describe('悬赏公告 (财产调查规定 Arts 21–22)', () => {
  it('is due 10 days after the request, flagging a later decision', () => {
    const reward = decide(MeasureKind.RewardNotice, ADULT.idNumber, {
      rewardFen: 1_000_000,
      requestedOn: '2026-11-10',
    });
    expect(reward.dueOn).toBe('2026-11-20');
    expect(reward.late).toBe(true);
    expect(
      refusalOf(() =>
        decide(MeasureKind.RewardNotice, ADULT.idNumber, { rewardFen: 1, requestedOn: '2026-12-01' }),
      ).details.rule,
    ).toBe('REWARD_REQUEST_NOT_IN_FUTURE');
  });
});

describe('what a measure may become', () => {
  it('refuses any measure in a closed case', () => {
    const refused = refusalOf(() =>
      decide(MeasureKind.ExecutionNotice, ADULT.idNumber, {}, { case: aCase({ status: CaseStatus.Closed }) }),
    );
    expect(refused.code).toBe(ErrorCode.InvalidState);
    expect(refused.details.rule).toBe('MEASURE_ON_CLOSED_CASE');
  });

  it('refuses a measure against someone who is not a respondent of the case', () => {
    expect(refusalOf(() => decide(MeasureKind.ExecutionNotice, '11010519491231002X')).details.rule).toBe(
      'MEASURE_AGAINST_RESPONDENT',
    );
  });

  it('goes PENDING_APPROVAL → IN_FORCE | REJECTED and IN_FORCE → LIFTED, and nowhere else', () => {
    const pending = decide(MeasureKind.ExitRestriction, ADULT.idNumber, { onApplication: true });
    const rejected = rejectMeasure(pending);
    expect(rejected.status).toBe(MeasureStatus.Rejected);
    expect(refusalOf(() => approveMeasure(rejected, CaseStatus.Registered, TODAY)).details.rule).toBe(
      'MEASURE_TRANSITION',
    );
    expect(
      refusalOf(() => liftMeasure(pending, { on: TODAY, reason: 'x', by: 'u' }, WEEKENDS_ONLY)).code,
    ).toBe(ErrorCode.InvalidState);
    const lifted = liftMeasure(
      approveMeasure(pending, CaseStatus.Registered, TODAY),
      { on: TODAY, reason: '已履行', by: 'u' },
      WEEKENDS_ONLY,
    );
    const again = refusalOf(() => liftMeasure(lifted, { on: TODAY, reason: 'x', by: 'u' }, WEEKENDS_ONLY));
    expect(again.code).toBe(ErrorCode.InvalidState);
    expect(again.details.rule).toBe('MEASURE_TRANSITION');
    expect(refusalOf(() => rejectMeasure(lifted)).details.rule).toBe('MEASURE_TRANSITION');
  });

  it('refuses to bring a measure into force once the case has closed', () => {
    const pending = decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 100_000 });
    expect(refusalOf(() => approveMeasure(pending, CaseStatus.Closed, TODAY)).details.rule).toBe(
      'MEASURE_ON_CLOSED_CASE',
    );
  });
});

describe('执行完毕 (full performance)', () => {
  it('lifts the restrictions in force, withdraws what awaits approval, and leaves fines standing', () => {
    const approved = (m: Measure) => approveMeasure(m, CaseStatus.Registered, '2026-11-01');
    const restriction = approved(decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber));
    const listing = approved(
      decide(MeasureKind.DishonestListing, ADULT.idNumber, { ground: DishonestGround.BreaksReportDuty }),
    );
    const fine = approved(decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 100_000 }));
    const notice = decide(MeasureKind.ExecutionNotice, ADULT.idNumber);
    const pendingExit = decide(MeasureKind.ExitRestriction, ADULT.idNumber, { onApplication: false });
    const { lifted, withdrawn } = onFullPerformance(
      [restriction, listing, fine, notice, pendingExit],
      { on: TODAY, by: 'user-officer-1' },
      WEEKENDS_ONLY,
    );
    expect(lifted.map((m) => m.kind).sort()).toEqual(
      [MeasureKind.ConsumptionRestriction, MeasureKind.DishonestListing].sort(),
    );
    expect(lifted.every((m) => m.status === MeasureStatus.Lifted && m.liftedOn === TODAY)).toBe(true);
    expect(lifted.find((m) => m.kind === MeasureKind.DishonestListing)?.removedLate).toBe(false);
    expect(withdrawn.map((m) => [m.id, m.status])).toEqual([[pendingExit.id, MeasureStatus.Rejected]]);
  });
});

describe('what the measures show for the 终本 checklist', () => {
  it('names the respondents restricted, listed and punished, and the first notice day', () => {
    const approved = (m: Measure, on = TODAY) => approveMeasure(m, CaseStatus.Registered, on);
    const facts = measureFactsOf([
      decide(MeasureKind.ExecutionNotice, COMPANY.idNumber, {}, { today: '2026-11-25' }),
      decide(MeasureKind.ExecutionNotice, ADULT.idNumber, {}, { today: '2026-11-21' }),
      approved(decide(MeasureKind.ConsumptionRestriction, ADULT.idNumber)),
      decide(MeasureKind.ConsumptionRestriction, COMPANY.idNumber, { legalRepresentative: LEGAL_REP }),
      approved(
        decide(MeasureKind.DishonestListing, COMPANY.idNumber, { ground: DishonestGround.EvadesExecution }),
      ),
      liftMeasure(
        approved(decide(MeasureKind.Detention, ADULT.idNumber, { days: 3 })),
        { on: TODAY, reason: '提前解除', by: 'u' },
        WEEKENDS_ONLY,
      ),
      rejectMeasure(decide(MeasureKind.Fine, COMPANY.idNumber, { amountFen: 5_000_000 })),
    ]);
    expect(facts).toEqual({
      executionNoticeIssuedOn: '2026-11-21',
      consumptionRestricted: [ADULT.idNumber],
      dishonestListed: [COMPANY.idNumber],
      punished: [ADULT.idNumber],
    });
  });

  it('shows nothing for a case without measures', () => {
    expect(measureFactsOf([])).toEqual({ consumptionRestricted: [], dishonestListed: [], punished: [] });
  });
});

describe('the approver’s summary', () => {
  it('says what, how much and against whom', () => {
    const fine = decide(MeasureKind.Fine, ADULT.idNumber, { amountFen: 5_000_000 });
    expect(summaryOf(fine, ADULT)).toBe(`罚款 ¥50,000.00 — 王五（${ADULT.idNumber}）`);
  });
});
