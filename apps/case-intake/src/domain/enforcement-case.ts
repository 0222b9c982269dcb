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

/** An application that passed every acceptance check, filed at a known moment. */
export interface AcceptedApplication {
  application: CaseApplication;
  filedAt: Date;
  year: number;
  filingDate: string;
}

/**
 * Checks the application for 立案 and fixes its filing day. Done before a case number is taken, so
 * a refusal never consumes one and the numbering stays free of gaps.
 */
export function acceptApplication(application: CaseApplication, now: Date): AcceptedApplication {
  const { year, filingDate } = filingDayOf(now);
  const problems = applicationProblems(application, filingDate);
  if (problems.length) {
    throw new CodedError(ErrorCode.RuleViolated, problems.map((p) => p.message).join('; '), {
      errors: problems,
      rule: problems[0]!.rule,
    });
  }
  return { application, filedAt: now, year, filingDate };
}

/** 立案: the accepted application becomes a case under its allocated sequence number. */
export function registerCase(
  accepted: AcceptedApplication,
  facts: { id: string; courtCode: string; sequence: number; registeredBy: string },
): EnforcementCase {
  const { application, year, filingDate } = accepted;
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
    registeredAt: accepted.filedAt,
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
