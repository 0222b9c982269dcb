import {
  CaseType,
  Events,
  isValidResidentIdNumber,
  PartyKind,
  Subjects,
  type CaseRegisteredV1,
  type EventEnvelope,
} from '@writ/contracts';
import { testActor, testEvent, type BusClient } from '@writ/platform';
import { randomUUID } from 'node:crypto';

/** `case.registered` as case-intake puts it on the bus, for benches and tests that start asset-control alone. */
export const COURT = '辽1104';

/** The n-th valid 居民身份证号码 of someone born in Dawa district. */
export function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c))!;
}

const COMPANY: CaseRegisteredV1['respondents'][number] = {
  kind: PartyKind.Organisation,
  name: '盘锦某某商贸有限公司',
  idNumber: '91350100M000100Y43',
};

/**
 * The n-th of a run's registered 执 cases: a natural person, and on every second case a company
 * as well, so a case asks every agency kind about one or two respondents.
 */
export function registeredCase(n: number, run: string): EventEnvelope<CaseRegisteredV1> {
  const respondents: CaseRegisteredV1['respondents'] = [
    { kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber: residentId(n) },
  ];
  if (n % 2 === 0) respondents.push(COMPANY);
  return testEvent(
    Events.CaseRegistered,
    {
      caseId: randomUUID(),
      caseNumber: `（2026）${COURT}执${run}${n}号`,
      caseType: CaseType.Execution,
      courtCode: COURT,
      claimAmountFen: 12_345_600,
      filingDate: '2026-03-02',
      respondents,
    },
    { courtCode: COURT },
  );
}

/**
 * The agency kinds asset-control asks about a respondent of the court, as its catalog
 * (`assets.agency-kinds.list`) says: the active ones that apply to the respondent's kind of party.
 */
export async function agencyKindsOf(
  client: BusClient,
  courtCode = COURT,
): Promise<(respondent: { kind: PartyKind }) => string[]> {
  const { kinds } = await client.request(
    Subjects.Assets.ListAgencyKinds,
    { activeOnly: true },
    { actor: testActor({ courtCode }) },
  );
  return (respondent) => kinds.filter((k) => k.appliesTo.includes(respondent.kind)).map((k) => k.code);
}
