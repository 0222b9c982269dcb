import {
  CaseStatus,
  CodedError,
  ErrorCode,
  PartyRole,
  shanghaiDateOf,
  shanghaiYearOf,
  type CaseType,
  type Fen,
  type FieldError,
  type PartyKind,
} from '@writ/contracts';
import { formatCaseNumber } from './case-number.js';

export interface Party {
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumber: string;
}

/** 执行依据: the effective document being enforced. */
export interface BasisDocument {
  documentNumber: string;
  issuingCourt: string;
  effectiveDate: string;
}

/** An enforcement case (执行案件) as case-intake keeps it. */
export interface EnforcementCase {
  id: string;
  courtCode: string;
  caseType: CaseType;
  year: number;
  sequence: number;
  caseNumber: string;
  status: CaseStatus;
  claimAmountFen: Fen;
  basis: BasisDocument;
  parties: Party[];
  note?: string;
  registeredAt: Date;
  /** the Asia/Shanghai date of 立案, from which deadlines run */
  filingDate: string;
  registeredBy: string;
}

export interface CaseApplication {
  caseType: CaseType;
  basis: BasisDocument;
  applicants: Omit<Party, 'role'>[];
  respondents: Omit<Party, 'role'>[];
  claimAmountFen: Fen;
  note?: string;
}

/**
 * The checks of an application that the message's field rules cannot make alone: the basis must have
 * taken effect by the filing date, nobody can be on both sides, and nobody may be named twice on one side.
 */
export function applicationProblems(application: CaseApplication, filingDate: string): FieldError[] {
  const problems: FieldError[] = [];
  if (application.basis.effectiveDate > filingDate) {
    problems.push({
      field: 'basis.effectiveDate',
      rule: 'basisInForce',
      message: `basis.effectiveDate ${application.basis.effectiveDate} is after the filing date ${filingDate}: only a document in force can be enforced (执行工作规定 Art 16)`,
    });
  }
  const applicantIds = new Set(application.applicants.map((p) => p.idNumber));
  application.respondents.forEach((respondent, index) => {
    if (applicantIds.has(respondent.idNumber)) {
      problems.push({
        field: `respondents[${index}].idNumber`,
        rule: 'notBothSides',
        message: `respondents[${index}].idNumber is also an applicant: a party cannot enforce against itself`,
      });
    }
  });
  for (const side of ['applicants', 'respondents'] as const) {
    const seen = new Set<string>();
    application[side].forEach((party, index) => {
      if (seen.has(party.idNumber)) {
        problems.push({
          field: `${side}[${index}].idNumber`,
          rule: 'uniqueParty',
          message: `${side}[${index}].idNumber names the same party twice`,
        });
      }
      seen.add(party.idNumber);
    });
  }
  return problems;
}

/** The filing year and date of a registration made at `now` (Asia/Shanghai). */
export function filingDayOf(now: Date): { year: number; filingDate: string } {
  return { year: shanghaiYearOf(now), filingDate: shanghaiDateOf(now) };
}

/** 立案: makes the case from an accepted application and its allocated sequence number. */
export function registerCase(
  application: CaseApplication,
  facts: { id: string; courtCode: string; sequence: number; now: Date; registeredBy: string },
): EnforcementCase {
  const { year, filingDate } = filingDayOf(facts.now);
  const problems = applicationProblems(application, filingDate);
  if (problems.length) {
    throw new CodedError(ErrorCode.RuleViolated, problems.map((p) => p.message).join('; '), {
      errors: problems,
      rule: problems[0]!.rule,
    });
  }
  return {
    id: facts.id,
    courtCode: facts.courtCode,
    caseType: application.caseType,
    year,
    sequence: facts.sequence,
    caseNumber: formatCaseNumber({
      year,
      courtCode: facts.courtCode,
      caseType: application.caseType,
      sequence: facts.sequence,
    }),
    status: CaseStatus.Registered,
    claimAmountFen: application.claimAmountFen,
    basis: { ...application.basis },
    parties: [
      ...application.applicants.map((p) => ({ ...p, role: PartyRole.Applicant })),
      ...application.respondents.map((p) => ({ ...p, role: PartyRole.Respondent })),
    ],
    ...(application.note ? { note: application.note } : {}),
    registeredAt: facts.now,
    filingDate,
    registeredBy: facts.registeredBy,
  };
}

export function respondentsOf(c: EnforcementCase): Party[] {
  return c.parties.filter((p) => p.role === PartyRole.Respondent);
}

export function applicantsOf(c: EnforcementCase): Party[] {
  return c.parties.filter((p) => p.role === PartyRole.Applicant);
}
