import {
  AgencyKind,
  AssetValueKind,
  isValidResidentIdNumber,
  PartyKind,
  type AgencyFinding,
  type AssetClass,
} from '@writ/contracts';
import { expectedFindings, otherCourtHold as heldByOtherCourt } from '@writ/agency-sandbox';
import { NATIONAL_CATALOG, requireKind } from '../src/domain/agency-catalog.js';

/** A valid 居民身份证号码 of 辽宁 numbered `n`: the tests' respondents, each owning what the sandbox says. */
export function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return body + [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c))!;
}

/** The asset class of a national kind, as the seeded catalog has it. */
export const classOf = (kind: AgencyKind): AssetClass => requireKind(NATIONAL_CATALOG, kind).assetClass;

/** The other court holding a national kind's record first, as the sandbox models it (null: none). */
export const otherCourtHold = (kind: AgencyKind, identifier: string) =>
  heldByOtherCourt(kind, classOf(kind), identifier);

/**
 * The first respondent, numbered from `from`, on whom the agency of `kind` holds a record that `fits`,
 * as the sandbox answers. Each test file starts from its own number so their cases do not meet.
 */
export function respondentWith(kind: AgencyKind, fits: (f: AgencyFinding) => boolean, from: number) {
  for (let n = from; n < from + 2000; n++) {
    const idNumber = residentId(n);
    const record = expectedFindings(kind, classOf(kind), idNumber).find(fits);
    if (record) return { kind: PartyKind.NaturalPerson, name: `被执行人${n}`, idNumber, record };
  }
  throw new Error(`no respondent with such a ${kind} record`);
}

/** The first respondent, from `from`, with a bank account holding at least `minFen` (a 存款 to freeze). */
export const depositorHolding = (minFen: number, from: number) =>
  respondentWith(
    AgencyKind.BankDeposit,
    (f) => f.valueKind === AssetValueKind.Balance && f.amountFen >= minFen,
    from,
  );
