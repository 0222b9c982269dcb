import { AgencyKind, AssetClass, CodedError, PartyKind } from '@writ/contracts';
import {
  assertDefinition,
  definitionProblems,
  kindsFor,
  NATIONAL_CATALOG,
  provinceOf,
  requireKind,
  visibleTo,
  type AgencyKindDefinition,
} from './agency-catalog.js';
import { controlsAllowed } from './control-order.js';
import { termMonthsOf } from './control-term.js';

const person = { kind: PartyKind.NaturalPerson };
const organisation = { kind: PartyKind.Organisation };

/** A provincial source of 辽 (点对点): e.g. the province's own provident-fund centre network. */
const liaoning: AgencyKindDefinition = {
  code: 'LN_LAND_CONTRACT',
  nameZh: '辽宁农村土地承包经营权',
  nameEn: 'Liaoning rural land contracting rights',
  assetClass: AssetClass.FinancialRight,
  appliesTo: [PartyKind.NaturalPerson, PartyKind.Organisation],
  reachesLinkedPersons: false,
  province: '辽',
  active: true,
};

describe('the catalog of agency kinds (查控渠道, DOMAIN.md §4)', () => {
  it('holds the thirteen national categories, each with the class the law gives its records', () => {
    expect(NATIONAL_CATALOG).toHaveLength(13);
    expect(NATIONAL_CATALOG.every((k) => k.province === null && k.active)).toBe(true);
    const classOf = (code: string) => requireKind(NATIONAL_CATALOG, code).assetClass;
    expect(classOf(AgencyKind.BankDeposit)).toBe(AssetClass.Deposit);
    expect(classOf(AgencyKind.HousingFund)).toBe(AssetClass.Deposit);
    expect(classOf(AgencyKind.Securities)).toBe(AssetClass.FinancialRight);
    expect(classOf(AgencyKind.Vessel)).toBe(AssetClass.Movable);
    expect(classOf(AgencyKind.Tax)).toBe(AssetClass.Information);
  });

  it('gives each class its term and controls (民诉解释 2022 Art 485)', () => {
    const ofKind = (code: string) => requireKind(NATIONAL_CATALOG, code).assetClass;
    expect(termMonthsOf(ofKind(AgencyKind.OnlinePayment))).toBe(12);
    expect(termMonthsOf(ofKind(AgencyKind.Vessel))).toBe(24);
    expect(termMonthsOf(ofKind(AgencyKind.BusinessRegistration))).toBe(36);
    expect(controlsAllowed(ofKind(AgencyKind.SocialInsurance))).toEqual([]);
  });

  it('asks an organisation only the kinds that can hold anything of it', () => {
    const codes = kindsFor(NATIONAL_CATALOG, '辽1104', organisation).map((k) => k.code);
    expect(codes).toHaveLength(9);
    expect(codes).not.toContain(AgencyKind.Marriage);
    expect(codes).not.toContain(AgencyKind.SocialInsurance);
    expect(kindsFor(NATIONAL_CATALOG, '辽1104', person)).toHaveLength(13);
  });

  it('uses a provincial source for the courts of its province only', () => {
    const catalog = [...NATIONAL_CATALOG, liaoning];
    expect(provinceOf('辽1104')).toBe('辽');
    expect(kindsFor(catalog, '辽1104', person).map((k) => k.code)).toContain(liaoning.code);
    expect(kindsFor(catalog, '京0105', person).map((k) => k.code)).not.toContain(liaoning.code);
    expect(visibleTo(catalog, '京0105')).toHaveLength(13);
  });

  it('asks a deactivated kind no more', () => {
    const catalog = NATIONAL_CATALOG.map((k) => (k.code === AgencyKind.Tax ? { ...k, active: false } : k));
    expect(kindsFor(catalog, '辽1104', person).map((k) => k.code)).not.toContain(AgencyKind.Tax);
  });

  it('refuses a kind not in the catalog, naming the field', () => {
    expect(() => requireKind(NATIONAL_CATALOG, 'NO_SUCH_KIND', 'target.agencyKind')).toThrow(CodedError);
  });

  describe('a provincial source defined by a director', () => {
    const rulesOf = (catalog: readonly AgencyKindDefinition[], k: AgencyKindDefinition) =>
      definitionProblems(catalog, k).map((p) => p.rule);

    it('is accepted when well formed and new', () => {
      expect(rulesOf(NATIONAL_CATALOG, liaoning)).toEqual([]);
    });

    it('may not redefine a national kind, nor another province’s source', () => {
      expect(rulesOf(NATIONAL_CATALOG, { ...liaoning, code: AgencyKind.Tax })).toEqual(['nationalKindFixed']);
      expect(rulesOf([...NATIONAL_CATALOG, liaoning], { ...liaoning, province: '吉' })).toEqual([
        'ownProvinceOnly',
      ]);
    });

    it('keeps its asset class once defined, but may be renamed or deactivated', () => {
      const catalog = [...NATIONAL_CATALOG, liaoning];
      expect(rulesOf(catalog, { ...liaoning, assetClass: AssetClass.RealEstate })).toEqual([
        'assetClassFixed',
      ]);
      expect(rulesOf(catalog, { ...liaoning, nameZh: '土地经营权', active: false })).toEqual([]);
    });

    it('needs a code of the pattern, names, parties, and natural persons for linked persons', () => {
      expect(
        rulesOf(NATIONAL_CATALOG, {
          ...liaoning,
          code: 'ln-land',
          nameZh: ' ',
          appliesTo: [PartyKind.Organisation],
          reachesLinkedPersons: true,
        }),
      ).toEqual(['agencyKindCode', 'notEmpty', 'linkedPersonsAreNatural']);
      expect(() => assertDefinition(NATIONAL_CATALOG, { ...liaoning, appliesTo: [] })).toThrow(CodedError);
    });
  });
});
