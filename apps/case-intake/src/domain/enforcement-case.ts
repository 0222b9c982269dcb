import {
  addDays,
  addMonths,
  BasisKind,
  CaseStatus,
  JurisdictionGround,
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
  /** an organisation's 法定代表人: measures and inquiries reach the person too (DOMAIN.md §9) */
  legalRepresentative?: { name: string; idNumber: string };
}

/** 执行依据: the effective document being enforced. */
export interface BasisDocument {
  documentNumber: string;
  issuingCourt: string;
  effectiveDate: string;
  kind: BasisKind;
  /** 履行期限届满日: the last day the debtor had to perform */
  performanceDueDate: string;
}

/** 7 days to accept or refuse an application (执行工作规定 2020 Art 16). */
export const ACCEPTANCE_DAYS = 7;
/** 申请执行期间: 2 years from the end of the performance period (民诉法 2023 Art 250). */
export const LIMITATION_YEARS = 2;

/** Facts of 立案 that are flagged, not refused. */
export interface AcceptanceFlags {
  /** applied after the limitation period: accepted, and the debtor may object (民诉解释 Art 481) */
  limitationExpired: boolean;
  /** accepted within 7 days of the application */
  acceptedWithinDeadline: boolean;
}

export function acceptanceFlags(
  basis: BasisDocument,
  applicationDate: string,
  filingDate: string,
): AcceptanceFlags {
  return {
    limitationExpired: applicationDate > addMonths(basis.performanceDueDate, LIMITATION_YEARS * 12),
    acceptedWithinDeadline: filingDate <= addDays(applicationDate, ACCEPTANCE_DAYS),
  };
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
  applicationDate: string;
  jurisdictionGround: JurisdictionGround;
  flags: AcceptanceFlags;
  /** 执恢: the case resumed; 执异: the case objected in */
  relatedCaseId?: string;
  entrusting?: { courtCode: string; caseNumber: string };
  /** for a 执异 case: whether a third party objects, and to which asset */
  objection?: { thirdParty: boolean; assetRef?: string };
}

export interface CaseApplication {
  caseType: CaseType;
  basis: BasisDocument;
  applicationDate: string;
  jurisdictionGround: JurisdictionGround;
  relatedCaseId?: string;
  entrusting?: { courtCode: string; caseNumber: string };
  objection?: { thirdParty: boolean; assetRef?: string };
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
  const { basis, applicationDate } = application;
  if (applicationDate > filingDate) {
    problems.push({
      field: 'applicationDate',
      rule: 'notInFuture',
      message: `applicationDate ${applicationDate} is after the filing date ${filingDate}`,
    });
  }
  if (basis.performanceDueDate < basis.effectiveDate) {
    problems.push({
      field: 'basis.performanceDueDate',
      rule: 'afterEffectiveDate',
      message: 'basis.performanceDueDate cannot be before the document took effect',
    });
  }
  // the performance period must have passed: only a debtor who did not perform is enforced against (执行工作规定 2020 Art 16)
  if (applicationDate <= basis.performanceDueDate) {
    problems.push({
      field: 'basis.performanceDueDate',
      rule: 'performancePeriodPassed',
      message: `the performance period runs until ${basis.performanceDueDate}: an application on ${applicationDate} is premature (执行工作规定 2020 Art 16)`,
    });
  }
  // arbitral awards and notarial deeds are enforced where the debtor lives or the property is (执行工作规定 2020 Art 10)
  if (
    application.jurisdictionGround === JurisdictionGround.FirstInstanceCourt &&
    (basis.kind === BasisKind.Arbitration || basis.kind === BasisKind.Notarial)
  ) {
    problems.push({
      field: 'jurisdictionGround',
      rule: 'jurisdiction',
      message: `a ${basis.kind === BasisKind.Arbitration ? '仲裁裁决' : '公证债权文书'} is enforced by the court of the debtor's domicile or the property's location, not as a first-instance court (执行工作规定 2020 Art 10)`,
    });
  }
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
    applicationDate: application.applicationDate,
    jurisdictionGround: application.jurisdictionGround,
    flags: acceptanceFlags(application.basis, application.applicationDate, filingDate),
    ...(application.relatedCaseId ? { relatedCaseId: application.relatedCaseId } : {}),
    ...(application.entrusting ? { entrusting: { ...application.entrusting } } : {}),
    ...(application.objection ? { objection: { ...application.objection } } : {}),
  };
}

export function respondentsOf(c: EnforcementCase): Party[] {
  return c.parties.filter((p) => p.role === PartyRole.Respondent);
}

export function applicantsOf(c: EnforcementCase): Party[] {
  return c.parties.filter((p) => p.role === PartyRole.Applicant);
}
