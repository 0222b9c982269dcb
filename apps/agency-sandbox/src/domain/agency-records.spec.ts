import {
  AgencyKind,
  AssetClass,
  AssetValueKind,
  isValidResidentIdNumber,
  isValidUnifiedSocialCreditCode,
  MAX_FEN,
} from '@writ/contracts';
import { expectedFindings as findingsOf } from './agency-records.js';

/** The asset class asset-control's national catalog gives each kind (its migration 500). */
const CLASS_OF: Record<string, AssetClass> = {
  [AgencyKind.BankDeposit]: AssetClass.Deposit,
  [AgencyKind.WealthProduct]: AssetClass.FinancialRight,
  [AgencyKind.OnlinePayment]: AssetClass.Deposit,
  [AgencyKind.Securities]: AssetClass.FinancialRight,
  [AgencyKind.RealEstate]: AssetClass.RealEstate,
  [AgencyKind.Vehicle]: AssetClass.Movable,
  [AgencyKind.Vessel]: AssetClass.Movable,
  [AgencyKind.BusinessRegistration]: AssetClass.FinancialRight,
  [AgencyKind.ExitEntry]: AssetClass.Information,
  [AgencyKind.Marriage]: AssetClass.Information,
  [AgencyKind.HousingFund]: AssetClass.Deposit,
  [AgencyKind.Tax]: AssetClass.Information,
  [AgencyKind.SocialInsurance]: AssetClass.Information,
};
const NATIONAL = Object.keys(CLASS_OF);
/** A province's own source the sandbox has never heard of, one per asset class. */
const PROVINCIAL = Object.values(AssetClass).map((c) => [`LN_${c}`, c] as const);
const expectedFindings = (kind: string, idNumber: string) => findingsOf(kind, CLASS_OF[kind]!, idNumber);

/** The n-th valid 居民身份证号码 of someone born in Dawa district. */
function residentId(n: number): string {
  const body = `211104${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  const check = [...'0123456789X'].find((c) => isValidResidentIdNumber(body + c));
  return body + check!;
}

const PEOPLE = Array.from({ length: 300 }, (_, i) => residentId(i));
const COMPANY = '91350100M000100Y43';

describe('the sandbox agencies’ records (查询反馈)', () => {
  it('builds valid id numbers for its fixtures', () => {
    expect(PEOPLE.every(isValidResidentIdNumber)).toBe(true);
    expect(new Set(PEOPLE).size).toBe(PEOPLE.length);
  });

  it('answers the same kind and id number with the same records, item for item', () => {
    for (const kind of NATIONAL) {
      for (const id of PEOPLE.slice(0, 20))
        expect(expectedFindings(kind, id)).toEqual(expectedFindings(kind, id));
    }
  });

  it('finds something for some people and nothing for others, in every kind', () => {
    for (const kind of NATIONAL) {
      const found = PEOPLE.filter((id) => expectedFindings(kind, id).length > 0).length;
      expect(found).toBeGreaterThan(0);
      expect(found).toBeLessThan(PEOPLE.length);
    }
  });

  it('tells different people apart', () => {
    const answers = new Set(PEOPLE.map((id) => JSON.stringify(expectedFindings(AgencyKind.BankDeposit, id))));
    expect(answers.size).toBeGreaterThan(PEOPLE.length / 2);
  });

  it('reports every amount as whole fen, balances for accounts and estimates for property', () => {
    const expectedValueKind: Record<AgencyKind, AssetValueKind> = {
      [AgencyKind.BankDeposit]: AssetValueKind.Balance,
      [AgencyKind.WealthProduct]: AssetValueKind.Balance,
      [AgencyKind.OnlinePayment]: AssetValueKind.Balance,
      [AgencyKind.Securities]: AssetValueKind.Estimate,
      [AgencyKind.RealEstate]: AssetValueKind.Estimate,
      [AgencyKind.Vehicle]: AssetValueKind.Estimate,
      [AgencyKind.Vessel]: AssetValueKind.Estimate,
      [AgencyKind.BusinessRegistration]: AssetValueKind.Estimate,
      [AgencyKind.ExitEntry]: AssetValueKind.None,
      [AgencyKind.Marriage]: AssetValueKind.None,
      [AgencyKind.HousingFund]: AssetValueKind.Balance,
      [AgencyKind.Tax]: AssetValueKind.None,
      [AgencyKind.SocialInsurance]: AssetValueKind.None,
    };
    for (const kind of NATIONAL) {
      for (const id of [...PEOPLE, COMPANY]) {
        for (const finding of expectedFindings(kind, id)) {
          expect(finding.valueKind).toBe(expectedValueKind[kind]!);
          expect(Number.isSafeInteger(finding.amountFen)).toBe(true);
          expect(finding.amountFen).toBeGreaterThanOrEqual(0);
          expect(finding.amountFen).toBeLessThanOrEqual(MAX_FEN);
          expect(finding.holder.length).toBeGreaterThan(0);
          expect(finding.identifier.length).toBeGreaterThan(0);
          if (expectedValueKind[kind] === AssetValueKind.Estimate)
            expect(finding.amountFen).toBeGreaterThan(0);
        }
      }
    }
  });

  it('keeps exit-entry and marriage records without a value, and only for natural persons', () => {
    const records = PEOPLE.flatMap((id) => [
      ...expectedFindings(AgencyKind.ExitEntry, id),
      ...expectedFindings(AgencyKind.Marriage, id),
    ]);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.valueKind === AssetValueKind.None && r.amountFen === 0)).toBe(true);
    expect(expectedFindings(AgencyKind.ExitEntry, COMPANY)).toEqual([]);
    expect(expectedFindings(AgencyKind.Marriage, COMPANY)).toEqual([]);
  });

  it('writes identifiers the way the agencies do: 辽L plates, valid credit codes, 19-digit bank accounts', () => {
    const all = (kind: AgencyKind) => PEOPLE.flatMap((id) => expectedFindings(kind, id));
    expect(all(AgencyKind.Vehicle).every((v) => /^辽L[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}$/.test(v.identifier))).toBe(
      true,
    );
    expect(
      all(AgencyKind.BusinessRegistration).every((b) => isValidUnifiedSocialCreditCode(b.identifier)),
    ).toBe(true);
    expect(all(AgencyKind.BankDeposit).every((a) => /^\d{19}$/.test(a.identifier))).toBe(true);
    expect(all(AgencyKind.RealEstate).every((r) => r.holder === '盘锦市不动产登记中心')).toBe(true);
    expect(all(AgencyKind.OnlinePayment).map((p) => p.description)).toEqual(
      expect.arrayContaining(['支付宝账户余额', '微信支付零钱']),
    );
  });

  it('answers a kind it has never heard of by the asset class the court gives it, reproducibly', () => {
    for (const [kind, assetClass] of PROVINCIAL) {
      const found = PEOPLE.flatMap((id) => findingsOf(kind, assetClass, id));
      expect(found.length).toBeGreaterThan(0);
      expect(findingsOf(kind, assetClass, PEOPLE[7]!)).toEqual(findingsOf(kind, assetClass, PEOPLE[7]!));
      const valueKinds = new Set(found.map((f) => f.valueKind));
      expect(valueKinds).toEqual(
        new Set([
          assetClass === AssetClass.Deposit
            ? AssetValueKind.Balance
            : assetClass === AssetClass.Information
              ? AssetValueKind.None
              : AssetValueKind.Estimate,
        ]),
      );
    }
  });
});
