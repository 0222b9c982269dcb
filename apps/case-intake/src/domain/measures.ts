import {
  addDays,
  addMonths,
  birthDateOfResidentId,
  CaseStatus,
  CodedError,
  DishonestGround,
  ErrorCode,
  formatFen,
  MeasureKind,
  MeasureStatus,
  PartyKind,
  Role,
  type ConsumptionRestrictionDetails,
  type DetentionDetails,
  type DishonestListingDetails,
  type ExitRestrictionDetails,
  type FieldError,
  type FineDetails,
  type MeasureDetails,
  type PersonRef,
  type RewardNoticeDetails,
} from '@writ/contracts';
import { addWorkingDays, type WorkingDayCalendar } from './working-days.js';

/** A coercive measure or credit punishment (强制措施、信用惩戒) against one respondent of a case. */
export interface Measure {
  id: string;
  caseId: string;
  courtCode: string;
  kind: MeasureKind;
  respondentIdNumber: string;
  status: MeasureStatus;
  details: MeasureDetails;
  note?: string;
  /** the day the officer decided it, and who */
  decidedOn: string;
  decidedBy: string;
  /** the last day the law allows for a notice or a reward notice, and whether it came later */
  dueOn?: string;
  late?: boolean;
  inForceFrom?: string;
  termUntil?: string;
  liftedOn?: string;
  liftedBy?: string;
  liftReason?: string;
  removalDueOn?: string;
  removedLate?: boolean;
  approvalId?: string;
}

export interface MeasureRespondent {
  kind: PartyKind;
  name: string;
  idNumber: string;
}

/** What the rules need to know of the case a measure is decided in. */
export interface MeasureCase {
  id: string;
  courtCode: string;
  status: CaseStatus;
  /** the day the application for enforcement was received, from which the notice's 10 days run */
  applicationDate: string;
  respondents: readonly MeasureRespondent[];
}

/** 执行通知书 within 10 days of the application (民诉解释 2022 Art 480). */
export const EXECUTION_NOTICE_DAYS = 10;
/** 悬赏 decided within 10 days of the applicant's request (财产调查规定 2017 Art 22). */
export const REWARD_DECISION_DAYS = 10;
/** Fine on a natural person: at most ¥100,000 (民诉法 2023 Art 118). */
export const FINE_PERSON_MAX_FEN = 10_000_000;
/** Fine on an organisation: ¥50,000 to ¥1,000,000 (民诉法 2023 Art 118). */
export const FINE_ORGANISATION_MIN_FEN = 5_000_000;
export const FINE_ORGANISATION_MAX_FEN = 100_000_000;
/** Detention: at most 15 days (民诉法 2023 Art 118). */
export const DETENTION_MAX_DAYS = 15;
/** A 失信 listing lasts 2 years, extendable by 1–3 in serious cases (失信名单规定 2017 Art 2). */
export const DISHONEST_TERM_YEARS = 2;
export const DISHONEST_EXTENSION_YEARS = { min: 1, max: 3 } as const;
/** A grace period of 1–3 months may come before a listing (善意文明执行意见 2019 Art 16). */
export const DISHONEST_GRACE_MONTHS = { min: 1, max: 3 } as const;
/** A 失信 listing is deleted within 3 working days of a removal ground (失信名单规定 2017 Art 10). */
export const DISHONEST_REMOVAL_WORKING_DAYS = 3;
/** 民法典 Art 17: 十八周岁以上的自然人为成年人. */
export const AGE_OF_MAJORITY_YEARS = 18;

/** 中文 names of the kinds, for summaries an approver reads. */
export const MEASURE_KIND_LABEL: Record<MeasureKind, string> = {
  [MeasureKind.ExecutionNotice]: '执行通知书及报告财产令',
  [MeasureKind.ConsumptionRestriction]: '限制消费令',
  [MeasureKind.DishonestListing]: '纳入失信被执行人名单',
  [MeasureKind.Fine]: '罚款',
  [MeasureKind.Detention]: '司法拘留',
  [MeasureKind.ExitRestriction]: '限制出境',
  [MeasureKind.RewardNotice]: '悬赏公告',
  [MeasureKind.RefusalReferral]: '移送拒执罪',
};

/**
 * Whose approval a kind needs before it binds: a fine or detention the president's (罚款、拘留必须经院长
 * 批准, 民诉法 2023 Art 119); the credit and travel measures, the reward notice and the criminal referral the
 * enforcement director's (the court's sign-off practice for 执行局长); the notice nobody's.
 */
export const MEASURE_APPROVER: Record<MeasureKind, Role | null> = {
  [MeasureKind.ExecutionNotice]: null,
  [MeasureKind.ConsumptionRestriction]: Role.Director,
  [MeasureKind.DishonestListing]: Role.Director,
  [MeasureKind.Fine]: Role.Leader,
  [MeasureKind.Detention]: Role.Leader,
  [MeasureKind.ExitRestriction]: Role.Director,
  [MeasureKind.RewardNotice]: Role.Director,
  [MeasureKind.RefusalReferral]: Role.Director,
};

export function requiredApproverOf(kind: MeasureKind): Role | null {
  return MEASURE_APPROVER[kind];
}

/** Who may decide (and lift) measures: the enforcement judges and officers and those above them. */
export const MEASURE_DECIDER_ROLES: readonly Role[] = [Role.Judge, Role.Officer, Role.Director, Role.Leader];

/** Kinds a respondent is under at most once per case at a time (pending or in force). */
export const SINGLE_PER_RESPONDENT: readonly MeasureKind[] = [
  MeasureKind.ExecutionNotice,
  MeasureKind.ConsumptionRestriction,
  MeasureKind.DishonestListing,
  MeasureKind.ExitRestriction,
];

/**
 * Measures that full performance (执行完毕) ends: the credit and travel restrictions exist to make the
 * debtor pay (限制消费规定 2015 Art 9, 失信名单规定 2017 Art 10), and a reward for finding property has
 * nothing left to find. A fine, a detention served, a referral and the notice stand: they answer past
 * conduct, not the debt.
 */
export const LIFTED_ON_FULL_PERFORMANCE: readonly MeasureKind[] = [
  MeasureKind.ConsumptionRestriction,
  MeasureKind.DishonestListing,
  MeasureKind.ExitRestriction,
  MeasureKind.RewardNotice,
];

/** The transitions a measure may make; anything else is refused as InvalidState. */
const TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  [MeasureStatus.PendingApproval]: [MeasureStatus.InForce, MeasureStatus.Rejected],
  [MeasureStatus.InForce]: [MeasureStatus.Lifted],
  [MeasureStatus.Rejected]: [],
  [MeasureStatus.Lifted]: [],
};

function refusal(code: ErrorCode, problems: FieldError[]): CodedError {
  return new CodedError(code, problems.map((p) => p.message).join('; '), {
    errors: problems,
    rule: problems[0]!.rule,
  });
}

function refuse(code: ErrorCode, field: string, rule: string, message: string): CodedError {
  return refusal(code, [{ field, rule, message }]);
}

export function assertTransition(measure: Pick<Measure, 'id' | 'status'>, to: MeasureStatus): void {
  // PENDING_APPROVAL → IN_FORCE | REJECTED, IN_FORCE → LIFTED; nothing leaves REJECTED or LIFTED
  if (!TRANSITIONS[measure.status].includes(to)) {
    throw refuse(
      ErrorCode.InvalidState,
      'status',
      'MEASURE_TRANSITION',
      `measure ${measure.id} is ${measure.status} and cannot become ${to}`,
    );
  }
}

/** Refuses an actor who holds none of the roles that decide measures. */
export function assertMayDecideMeasures(roles: readonly Role[]): void {
  if (!roles.some((role) => MEASURE_DECIDER_ROLES.includes(role))) {
    throw refuse(
      ErrorCode.Forbidden,
      'actor',
      'MEASURE_DECIDER_ROLE',
      `only ${MEASURE_DECIDER_ROLES.join(', ')} decide or lift coercive measures`,
    );
  }
}

/** Whether a natural person is under 18 on the day, by the birth date in the 居民身份证 number. */
export function isMinorOn(residentIdNumber: string, date: string): boolean {
  const birth = birthDateOfResidentId(residentIdNumber);
  // 民法典 Art 17: an adult from the 18th birthday (a 29 February birthday counts from 28 February)
  return date < addMonths(birth, AGE_OF_MAJORITY_YEARS * 12);
}

/** The last day the execution notice and report order may go out, and whether `issuedOn` is later. */
export function executionNoticeDeadline(
  applicationDate: string,
  issuedOn: string,
): { dueOn: string; late: boolean } {
  // 民诉解释 2022 Art 480: within 10 days of the application; late is recorded, not refused
  const dueOn = addDays(applicationDate, EXECUTION_NOTICE_DAYS);
  return { dueOn, late: issuedOn > dueOn };
}

/** The last day a reward notice may be decided, and whether `decidedOn` is later. */
export function rewardDecisionDeadline(
  requestedOn: string,
  decidedOn: string,
): { dueOn: string; late: boolean } {
  // 财产调查规定 2017 Art 22: decided within 10 days of the request; late is recorded, not refused
  const dueOn = addDays(requestedOn, REWARD_DECISION_DAYS);
  return { dueOn, late: decidedOn > dueOn };
}

/** The day a 失信 listing's term ends, counted from the day it takes effect; none for ABLE_BUT_REFUSES. */
export function dishonestTermUntil(
  details: DishonestListingDetails,
  inForceFrom: string,
): string | undefined {
  // 失信名单规定 2017 Art 2: 2 years (+1–3 in serious cases) for grounds 2–6; ground 1 lasts until performance
  if (details.ground === DishonestGround.AbleButRefuses) return undefined;
  return addMonths(inForceFrom, 12 * (DISHONEST_TERM_YEARS + (details.extensionYears ?? 0)));
}

/** The last day a 失信 listing may stay published once a removal ground arose. */
export function removalDueOn(groundOccurredOn: string, calendar: WorkingDayCalendar): string {
  // 失信名单规定 2017 Art 10: deleted within 3 working days
  return addWorkingDays(groundOccurredOn, DISHONEST_REMOVAL_WORKING_DAYS, calendar);
}

/** A person an order on an organisation also reaches: required for an organisation, refused otherwise. */
function organisationPersonProblems(
  respondent: MeasureRespondent,
  person: PersonRef | undefined,
  field: string,
  rule: string,
  why: string,
): FieldError[] {
  if (respondent.kind === PartyKind.Organisation && !person) {
    return [{ field, rule, message: `${field} is required for an organisation: ${why}` }];
  }
  if (respondent.kind === PartyKind.NaturalPerson && person) {
    return [
      {
        field,
        rule: 'PERSON_ONLY_FOR_ORGANISATION',
        message: `${field} is only given when the respondent is an organisation`,
      },
    ];
  }
  return [];
}

function inRange(value: number | undefined, range: { min: number; max: number }): boolean {
  return value === undefined || (value >= range.min && value <= range.max);
}

/** The rules a kind's details must meet against this respondent on this day; each broken one named. */
export function detailProblems(
  kind: MeasureKind,
  details: MeasureDetails,
  respondent: MeasureRespondent,
  today: string,
): FieldError[] {
  switch (kind) {
    case MeasureKind.ExecutionNotice:
    case MeasureKind.RefusalReferral:
      return [];
    case MeasureKind.RewardNotice: {
      const { requestedOn } = details as RewardNoticeDetails;
      return requestedOn > today
        ? [
            {
              field: 'details.requestedOn',
              rule: 'REWARD_REQUEST_NOT_IN_FUTURE',
              message: `details.requestedOn ${requestedOn} is after today ${today}`,
            },
          ]
        : [];
    }
    case MeasureKind.ConsumptionRestriction:
      // 限制消费规定 2015 Art 3: an order on an organisation binds its legal representative too
      return organisationPersonProblems(
        respondent,
        (details as ConsumptionRestrictionDetails).legalRepresentative,
        'details.legalRepresentative',
        'CONSUMPTION_RESTRICTION_COVERS_LEGAL_REPRESENTATIVE',
        'the order on an organisation binds its legal representative (限制消费规定 2015 Art 3)',
      );
    case MeasureKind.DishonestListing: {
      const listing = details as DishonestListingDetails;
      const problems: FieldError[] = [];
      // 失信名单规定 2017 Art 4: a minor is never listed
      if (respondent.kind === PartyKind.NaturalPerson && isMinorOn(respondent.idNumber, today)) {
        problems.push({
          field: 'respondentIdNumber',
          rule: 'DISHONEST_NOT_FOR_MINORS',
          message: `${respondent.name} is under ${AGE_OF_MAJORITY_YEARS} on ${today}: a minor is never put on the 失信 list (失信名单规定 2017 Art 4)`,
        });
      }
      // 失信名单规定 2017 Art 2: no fixed term for 有履行能力而拒不履行, so nothing to extend
      if (listing.ground === DishonestGround.AbleButRefuses && listing.extensionYears !== undefined) {
        problems.push({
          field: 'details.extensionYears',
          rule: 'DISHONEST_NO_TERM_FOR_ABLE_BUT_REFUSES',
          message:
            'a listing for ABLE_BUT_REFUSES has no fixed term and cannot be extended (失信名单规定 2017 Art 2)',
        });
      } else if (!inRange(listing.extensionYears, DISHONEST_EXTENSION_YEARS)) {
        // 失信名单规定 2017 Art 2: extended by 1–3 years
        problems.push({
          field: 'details.extensionYears',
          rule: 'DISHONEST_EXTENSION_RANGE',
          message: `details.extensionYears must be ${DISHONEST_EXTENSION_YEARS.min}–${DISHONEST_EXTENSION_YEARS.max} (失信名单规定 2017 Art 2)`,
        });
      }
      // 善意文明执行意见 2019 Art 16: a grace period of 1–3 months
      if (!inRange(listing.graceMonths, DISHONEST_GRACE_MONTHS)) {
        problems.push({
          field: 'details.graceMonths',
          rule: 'DISHONEST_GRACE_RANGE',
          message: `details.graceMonths must be ${DISHONEST_GRACE_MONTHS.min}–${DISHONEST_GRACE_MONTHS.max}`,
        });
      }
      return problems;
    }
    case MeasureKind.Fine: {
      const { amountFen } = details as FineDetails;
      // 民诉法 2023 Art 118: a person ≤ ¥100,000; an organisation ¥50,000–1,000,000
      if (respondent.kind === PartyKind.NaturalPerson && amountFen > FINE_PERSON_MAX_FEN) {
        return [
          {
            field: 'details.amountFen',
            rule: 'FINE_PERSON_MAX',
            message: `a fine on a person is at most ${formatFen(FINE_PERSON_MAX_FEN)}, not ${formatFen(amountFen)} (民诉法 2023 Art 118)`,
          },
        ];
      }
      if (
        respondent.kind === PartyKind.Organisation &&
        (amountFen < FINE_ORGANISATION_MIN_FEN || amountFen > FINE_ORGANISATION_MAX_FEN)
      ) {
        return [
          {
            field: 'details.amountFen',
            rule: 'FINE_ORGANISATION_RANGE',
            message: `a fine on an organisation is ${formatFen(FINE_ORGANISATION_MIN_FEN)}–${formatFen(FINE_ORGANISATION_MAX_FEN)}, not ${formatFen(amountFen)} (民诉法 2023 Art 118)`,
          },
        ];
      }
      return [];
    }
    case MeasureKind.Detention: {
      const detention = details as DetentionDetails;
      const problems: FieldError[] = [];
      // 民诉法 2023 Art 118: 拘留的期限，为十五日以下
      if (detention.days < 1 || detention.days > DETENTION_MAX_DAYS) {
        problems.push({
          field: 'details.days',
          rule: 'DETENTION_MAX_DAYS',
          message: `detention is 1–${DETENTION_MAX_DAYS} days, not ${detention.days} (民诉法 2023 Art 118)`,
        });
      }
      // 民诉法 2023 Art 117: an organisation is detained in the person of its head or the one responsible
      problems.push(
        ...organisationPersonProblems(
          respondent,
          detention.responsiblePerson,
          'details.responsiblePerson',
          'DETENTION_OF_ORGANISATION_NAMES_PERSON',
          'an organisation is detained in the person of its head or the person directly responsible (民诉法 2023 Art 117)',
        ),
      );
      return problems;
    }
    case MeasureKind.ExitRestriction:
      // 执行程序解释 2020 Art 24: for an organisation, its legal representative or responsible person
      return organisationPersonProblems(
        respondent,
        (details as ExitRestrictionDetails).responsiblePerson,
        'details.responsiblePerson',
        'EXIT_RESTRICTION_OF_ORGANISATION_NAMES_PERSON',
        'exit is restricted for its legal representative, head or the person directly responsible (执行程序解释 2020 Art 24)',
      );
  }
}

/** What an officer decides: the kind, against whom, with what. */
export interface MeasureDecision {
  kind: MeasureKind;
  respondentIdNumber: string;
  details: MeasureDetails;
  note?: string;
}

/**
 * Decides a measure: refuses it when the case is closed, the respondent is not one of the case's, the
 * same restriction is already pending or in force, or the kind's own rules are broken. One that needs
 * approval waits for it; any other binds at once.
 */
export function decideMeasure(input: {
  id: string;
  case: MeasureCase;
  decision: MeasureDecision;
  existing: readonly Measure[];
  today: string;
  decidedBy: string;
}): Measure {
  const { decision, today } = input;
  // a closed case is enforced no further: only 执恢 (a new case) brings measures again
  if (input.case.status === CaseStatus.Closed) {
    throw refuse(
      ErrorCode.InvalidState,
      'caseId',
      'MEASURE_ON_CLOSED_CASE',
      `case ${input.case.id} is closed: no measure may be decided in it`,
    );
  }
  const respondent = input.case.respondents.find((r) => r.idNumber === decision.respondentIdNumber);
  // 强制措施 and credit punishment are taken against the 被执行人 of the case
  if (!respondent) {
    throw refuse(
      ErrorCode.RuleViolated,
      'respondentIdNumber',
      'MEASURE_AGAINST_RESPONDENT',
      `${decision.respondentIdNumber} is not a respondent (被执行人) of case ${input.case.id}`,
    );
  }
  if (SINGLE_PER_RESPONDENT.includes(decision.kind)) {
    const standing = input.existing.find(
      (m) =>
        m.kind === decision.kind &&
        m.respondentIdNumber === respondent.idNumber &&
        (m.status === MeasureStatus.PendingApproval || m.status === MeasureStatus.InForce),
    );
    // one 限消 / 失信 / 限制出境 / notice per respondent at a time: a second would be a duplicate record
    if (standing) {
      throw refuse(
        ErrorCode.InvalidState,
        'kind',
        'MEASURE_ALREADY_STANDING',
        `${respondent.name} is already under ${MEASURE_KIND_LABEL[decision.kind]} (${standing.id}, ${standing.status})`,
      );
    }
  }
  const problems = detailProblems(decision.kind, decision.details, respondent, today);
  if (problems.length) throw refusal(ErrorCode.RuleViolated, problems);

  const deadline =
    decision.kind === MeasureKind.ExecutionNotice
      ? executionNoticeDeadline(input.case.applicationDate, today)
      : decision.kind === MeasureKind.RewardNotice
        ? rewardDecisionDeadline((decision.details as RewardNoticeDetails).requestedOn, today)
        : undefined;
  const measure: Measure = {
    id: input.id,
    caseId: input.case.id,
    courtCode: input.case.courtCode,
    kind: decision.kind,
    respondentIdNumber: respondent.idNumber,
    status: MeasureStatus.PendingApproval,
    details: decision.details,
    ...(decision.note ? { note: decision.note } : {}),
    decidedOn: today,
    decidedBy: input.decidedBy,
    ...(deadline ?? {}),
  };
  return requiredApproverOf(decision.kind) ? measure : bringIntoForce(measure, today);
}

/** The measure binds from `on`: its term (a listing's, a detention's) is counted from then. */
function bringIntoForce(measure: Measure, on: string): Measure {
  let inForceFrom = on;
  let termUntil: string | undefined;
  if (measure.kind === MeasureKind.DishonestListing) {
    const listing = measure.details as DishonestListingDetails;
    if (listing.graceMonths) inForceFrom = addMonths(on, listing.graceMonths);
    termUntil = dishonestTermUntil(listing, inForceFrom);
  } else if (measure.kind === MeasureKind.Detention) {
    termUntil = addDays(on, (measure.details as DetentionDetails).days - 1);
  }
  return {
    ...measure,
    status: MeasureStatus.InForce,
    inForceFrom,
    ...(termUntil ? { termUntil } : {}),
  };
}

/** The approver said yes: the measure binds from that day, unless the case has been closed meanwhile. */
export function approveMeasure(measure: Measure, caseStatus: CaseStatus, on: string): Measure {
  assertTransition(measure, MeasureStatus.InForce);
  if (caseStatus === CaseStatus.Closed) {
    throw refuse(
      ErrorCode.InvalidState,
      'caseId',
      'MEASURE_ON_CLOSED_CASE',
      `case ${measure.caseId} has been closed: measure ${measure.id} can no longer come into force`,
    );
  }
  return bringIntoForce(measure, on);
}

/** The approver said no, or the request was withdrawn. */
export function rejectMeasure(measure: Measure): Measure {
  assertTransition(measure, MeasureStatus.Rejected);
  return { ...measure, status: MeasureStatus.Rejected };
}

/**
 * Lifts a measure in force (解除 / 删除). A 失信 listing is due for deletion 3 working days after its
 * removal ground arose; lifting later is recorded as late, not refused.
 */
export function liftMeasure(
  measure: Measure,
  lift: { on: string; groundOccurredOn?: string; reason: string; by: string },
  calendar: WorkingDayCalendar,
): Measure {
  assertTransition(measure, MeasureStatus.Lifted);
  // a notice once served cannot be unserved; its effect ends with the case
  if (measure.kind === MeasureKind.ExecutionNotice) {
    throw refuse(
      ErrorCode.InvalidState,
      'measureId',
      'EXECUTION_NOTICE_NOT_LIFTABLE',
      `measure ${measure.id} is an execution notice: a notice served cannot be lifted`,
    );
  }
  const ground = lift.groundOccurredOn ?? lift.on;
  if (ground > lift.on) {
    throw refuse(
      ErrorCode.RuleViolated,
      'groundOccurredOn',
      'REMOVAL_GROUND_NOT_IN_FUTURE',
      `groundOccurredOn ${ground} is after today ${lift.on}`,
    );
  }
  const removal =
    measure.kind === MeasureKind.DishonestListing
      ? (() => {
          const due = removalDueOn(ground, calendar);
          return { removalDueOn: due, removedLate: lift.on > due };
        })()
      : {};
  return {
    ...measure,
    status: MeasureStatus.Lifted,
    liftedOn: lift.on,
    liftedBy: lift.by,
    liftReason: lift.reason,
    ...removal,
  };
}

export const FULL_PERFORMANCE_REASON = '执行完毕 (fully performed)';

/**
 * 执行完毕: lifts every measure in force that performance ends, as of the day of performance, and
 * withdraws every request still awaiting approval — the case is closing and no measure may come into
 * force in a closed case. Fines, detentions, referrals and notices in force stand.
 */
export function onFullPerformance(
  measures: readonly Measure[],
  lift: { on: string; by: string },
  calendar: WorkingDayCalendar,
): { lifted: Measure[]; withdrawn: Measure[] } {
  const lifted = measures
    .filter((m) => m.status === MeasureStatus.InForce && LIFTED_ON_FULL_PERFORMANCE.includes(m.kind))
    .map((m) => liftMeasure(m, { ...lift, reason: FULL_PERFORMANCE_REASON }, calendar));
  const withdrawn = measures.filter((m) => m.status === MeasureStatus.PendingApproval).map(rejectMeasure);
  return { lifted, withdrawn };
}

/** What the measures of a case show, by respondent id number; the 终本 checklist reads it. */
export interface MeasureFacts {
  /** the day the first execution notice (with the report order) went out */
  executionNoticeIssuedOn?: string;
  /** respondents under a consumption restriction in force */
  consumptionRestricted: string[];
  /** respondents on the 失信 list */
  dishonestListed: string[];
  /** respondents fined or detained (a detention lifted early was still served) */
  punished: string[];
}

export function measureFactsOf(
  measures: readonly Pick<Measure, 'kind' | 'status' | 'respondentIdNumber' | 'inForceFrom'>[],
): MeasureFacts {
  const inForce = (kind: MeasureKind): string[] =>
    unique(measures.filter((m) => m.kind === kind && m.status === MeasureStatus.InForce));
  const notices = measures
    .filter(
      (m) => m.kind === MeasureKind.ExecutionNotice && m.status === MeasureStatus.InForce && m.inForceFrom,
    )
    .map((m) => m.inForceFrom!)
    .sort();
  const punished = unique(
    measures.filter(
      (m) =>
        (m.kind === MeasureKind.Fine || m.kind === MeasureKind.Detention) &&
        (m.status === MeasureStatus.InForce || m.status === MeasureStatus.Lifted),
    ),
  );
  return {
    ...(notices[0] ? { executionNoticeIssuedOn: notices[0] } : {}),
    consumptionRestricted: inForce(MeasureKind.ConsumptionRestriction),
    dishonestListed: inForce(MeasureKind.DishonestListing),
    punished,
  };
}

function unique(measures: readonly Pick<Measure, 'respondentIdNumber'>[]): string[] {
  return [...new Set(measures.map((m) => m.respondentIdNumber))].sort();
}

/** One line for the approver: what, how much or how long, against whom. */
export function summaryOf(measure: Pick<Measure, 'kind' | 'details'>, respondent: MeasureRespondent): string {
  const label = MEASURE_KIND_LABEL[measure.kind];
  const what = (() => {
    switch (measure.kind) {
      case MeasureKind.Fine:
        return `${label} ${formatFen((measure.details as FineDetails).amountFen)}`;
      case MeasureKind.Detention:
        return `${label} ${(measure.details as DetentionDetails).days} 日`;
      case MeasureKind.DishonestListing:
        return `${label}（${(measure.details as DishonestListingDetails).ground}）`;
      case MeasureKind.RewardNotice:
        return `${label} 悬赏金 ${formatFen((measure.details as RewardNoticeDetails).rewardFen)}`;
      case MeasureKind.ExecutionNotice:
      case MeasureKind.ConsumptionRestriction:
      case MeasureKind.ExitRestriction:
      case MeasureKind.RefusalReferral:
        return label;
    }
  })();
  return `${what} — ${respondent.name}（${respondent.idNumber}）`;
}
