import {
  caseClassOf,
  CaseClass,
  CodedError,
  ErrorCode,
  InquiryStatus,
  isFen,
  LinkedRole,
  PartyKind,
  type AgencyFinding,
  type AgencyInquiryReply,
  type AgencyKind,
  type CaseType,
  type WireError,
} from '@writ/contracts';
import { kindsFor, type AgencyKindDefinition } from './agency-catalog.js';
import type { RetryPolicy } from './retry-policy.js';

/** A natural person standing for an organisation respondent: its 法定代表人. */
export interface LinkedPerson {
  name: string;
  idNumber: string;
  /** where the person was asked about before (a re-search keeps the places of the first inquiry) */
  position?: number;
}

/** A respondent (被执行人) as named at registration. */
export interface Respondent {
  kind: PartyKind;
  name: string;
  idNumber: string;
  legalRepresentative?: LinkedPerson;
  /** the respondent's place in the case, when it is not its place in the list given */
  position?: number;
}

/** One question to one agency about one respondent, or a person linked to one (网络查询). */
export interface PlannedInquiry {
  kind: AgencyKind;
  respondent: { kind: PartyKind; name: string; idNumber: string };
  /** the respondent's place in the case, so answers list in the order of the case; linked persons follow */
  respondentPosition: number;
  /** a person asked about because of the organisation respondent at this place, in this role */
  linkedTo?: { position: number; role: LinkedRole };
}

/** Where an inquiry stands between attempts. */
export interface InquiryProgress {
  status: InquiryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  answeredAt: Date | null;
  failedAt: Date | null;
}

/**
 * Only 执行实施 cases (执, 执恢, 执保) look for property: 执行审查 cases decide objections and reviews
 * about an enforcement and have no debtor's assets of their own to find.
 */
export function needsAssetInquiry(caseType: CaseType): boolean {
  return caseClassOf(caseType) === CaseClass.Implementation;
}

/**
 * The seed court's rule 立案当日启动财产查控: on registration every respondent is searched through
 * every agency kind of the catalog that the court uses and that applies to the respondent (财产调查规定
 * Art 1, 13). An organisation's legal representative is asked about through the kinds that reach linked
 * persons (e.g. exit-entry: 限制出境 reaches the person, DOMAIN.md §9), listed after the respondents; a
 * person who is a respondent in their own right, or stands for two organisations, is asked once.
 */
export function planInquiries(
  respondents: readonly Respondent[],
  catalog: readonly AgencyKindDefinition[],
  courtCode: string,
): PlannedInquiry[] {
  const plan: PlannedInquiry[] = respondents.flatMap((respondent, index) =>
    kindsFor(catalog, courtCode, respondent).map((k) => ({
      kind: k.code,
      respondent: { kind: respondent.kind, name: respondent.name, idNumber: respondent.idNumber },
      respondentPosition: respondent.position ?? index,
    })),
  );
  const asked = new Set(respondents.map((r) => r.idNumber));
  const positions = [
    ...respondents.map((r, i) => r.position ?? i),
    ...respondents.flatMap((r) => r.legalRepresentative?.position ?? []),
  ];
  let next = Math.max(-1, ...positions) + 1;
  const person = { kind: PartyKind.NaturalPerson };
  const reaching = kindsFor(catalog, courtCode, person).filter((k) => k.reachesLinkedPersons);
  respondents.forEach((respondent, index) => {
    const linked = respondent.legalRepresentative;
    if (respondent.kind !== PartyKind.Organisation || !linked || asked.has(linked.idNumber)) return;
    asked.add(linked.idNumber);
    const respondentPosition = linked.position ?? next++;
    for (const k of reaching) {
      plan.push({
        kind: k.code,
        respondent: { kind: PartyKind.NaturalPerson, name: linked.name, idNumber: linked.idNumber },
        respondentPosition,
        linkedTo: { position: respondent.position ?? index, role: LinkedRole.LegalRepresentative },
      });
    }
  });
  return plan;
}

export function newInquiryProgress(now: Date): InquiryProgress {
  return {
    status: InquiryStatus.Pending,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    answeredAt: null,
    failedAt: null,
  };
}

function requirePending(progress: InquiryProgress): void {
  if (progress.status !== InquiryStatus.Pending) {
    throw new CodedError(
      ErrorCode.InvalidState,
      `an inquiry already ${progress.status} takes no further outcome`,
    );
  }
}

/** The agency answered: the inquiry is done, whatever it found. */
export function inquiryAnswered(progress: InquiryProgress, now: Date): InquiryProgress {
  requirePending(progress);
  return {
    ...progress,
    status: InquiryStatus.Answered,
    attempts: progress.attempts + 1,
    nextAttemptAt: null,
    answeredAt: now,
  };
}

/** An attempt failed: ask again after the policy's delay, or give up for good after the last attempt. */
export function inquiryAttemptFailed(
  progress: InquiryProgress,
  error: WireError,
  now: Date,
  policy: RetryPolicy,
): InquiryProgress {
  requirePending(progress);
  const attempts = progress.attempts + 1;
  const lastError = `${error.code}: ${error.message}`.slice(0, 500);
  const decision = policy.afterFailure(attempts, error.code);
  if (decision.giveUp) {
    return {
      ...progress,
      status: InquiryStatus.Failed,
      attempts,
      lastError,
      nextAttemptAt: null,
      failedAt: now,
    };
  }
  return { ...progress, attempts, lastError, nextAttemptAt: new Date(now.getTime() + decision.delayMs) };
}

/**
 * What is wrong with an agency's reply, or null when it can be recorded: it must answer the inquiry
 * asked, and every amount must be whole fen.
 */
export function replyProblem(
  inquiry: { id: string; kind: AgencyKind },
  reply: AgencyInquiryReply,
): string | null {
  if (reply.inquiryId !== inquiry.id || reply.kind !== inquiry.kind) {
    return `the reply answers ${reply.kind} inquiry ${reply.inquiryId}, not ${inquiry.kind} inquiry ${inquiry.id}`;
  }
  if (!Array.isArray(reply.findings)) return 'the reply has no list of findings';
  const bad = reply.findings.findIndex((f: AgencyFinding) => !isFen(f.amountFen));
  if (bad >= 0) return `finding ${bad} has an amount that is not whole fen`;
  return null;
}
