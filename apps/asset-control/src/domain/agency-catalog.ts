import {
  AgencyKind,
  AGENCY_KIND_CODE,
  AssetClass,
  CodedError,
  ErrorCode,
  PartyKind,
  type FieldError,
} from '@writ/contracts';

/**
 * One kind of the catalog of agencies asked (查控渠道). Which kinds exist is configuration: the national
 * 总对总 categories, and a province's own 点对点 sources (DOMAIN.md §4).
 */
export interface AgencyKindDefinition {
  code: AgencyKind;
  nameZh: string;
  nameEn: string;
  assetClass: AssetClass;
  /** which respondents the kind can be asked about */
  appliesTo: readonly PartyKind[];
  /** asked also about an organisation respondent's legal representative (法定代表人) */
  reachesLinkedPersons: boolean;
  /** null: national (总对总); otherwise the province character whose courts use it, e.g. 辽 */
  province: string | null;
  active: boolean;
}

const BOTH = [PartyKind.NaturalPerson, PartyKind.Organisation] as const;
const PERSONS = [PartyKind.NaturalPerson] as const;

function national(
  code: AgencyKind,
  nameZh: string,
  nameEn: string,
  assetClass: AssetClass,
  appliesTo: readonly PartyKind[] = BOTH,
  reachesLinkedPersons = false,
): AgencyKindDefinition {
  return { code, nameZh, nameEn, assetClass, appliesTo, reachesLinkedPersons, province: null, active: true };
}

/**
 * The national network's categories (DOMAIN.md §4, "16 categories / 25 items"), seeded into the
 * catalog. Asset classes follow 民诉解释 2022 Art 485: money in accounts is a deposit (online-payment
 * balances and the housing fund are held like deposits); wealth products, securities and equity are
 * "other property rights"; vehicles and vessels are movables. Marriage, exit-entry, housing fund and
 * social-insurance records exist only for natural persons. Exit-entry reaches an organisation's legal
 * representative: 限制出境 extends to the person standing for the organisation (DOMAIN.md §9;
 * 执行程序解释 Art 24), so the court needs to know what travel documents that person holds.
 */
export const NATIONAL_CATALOG: readonly AgencyKindDefinition[] = [
  national(AgencyKind.BankDeposit, '银行存款', 'Bank deposits', AssetClass.Deposit),
  national(AgencyKind.WealthProduct, '理财产品', 'Wealth products', AssetClass.FinancialRight),
  national(AgencyKind.OnlinePayment, '网络支付账户', 'Online-payment balances', AssetClass.Deposit),
  national(AgencyKind.Securities, '证券', 'Securities', AssetClass.FinancialRight),
  national(AgencyKind.RealEstate, '不动产', 'Real estate', AssetClass.RealEstate),
  national(AgencyKind.Vehicle, '车辆', 'Vehicles', AssetClass.Movable),
  national(AgencyKind.Vessel, '船舶', 'Vessels', AssetClass.Movable),
  national(
    AgencyKind.BusinessRegistration,
    '工商登记（股权）',
    'Business registration (equity)',
    AssetClass.FinancialRight,
  ),
  national(AgencyKind.ExitEntry, '出入境证件', 'Exit-entry documents', AssetClass.Information, PERSONS, true),
  national(AgencyKind.Marriage, '婚姻登记', 'Marriage records', AssetClass.Information, PERSONS),
  national(AgencyKind.HousingFund, '住房公积金', 'Housing fund', AssetClass.Deposit, PERSONS),
  national(AgencyKind.Tax, '税务', 'Tax', AssetClass.Information),
  national(AgencyKind.SocialInsurance, '社会保险', 'Social insurance', AssetClass.Information, PERSONS),
];

/** The province of a court: the first character of its court code (辽1104 → 辽). */
export function provinceOf(courtCode: string): string {
  return [...courtCode][0] ?? '';
}

/**
 * The kinds a court asks about one respondent: the active national kinds and the active kinds of the
 * court's own province that apply to the respondent's kind of party — national ones first, in the
 * catalog's order.
 */
export function kindsFor(
  catalog: readonly AgencyKindDefinition[],
  courtCode: string,
  respondent: { kind: PartyKind },
): AgencyKindDefinition[] {
  const province = provinceOf(courtCode);
  return catalog.filter(
    (k) =>
      k.active && (k.province === null || k.province === province) && k.appliesTo.includes(respondent.kind),
  );
}

/** The kinds of the catalog a court sees: national ones and its own province's. */
export function visibleTo(
  catalog: readonly AgencyKindDefinition[],
  courtCode: string,
): AgencyKindDefinition[] {
  const province = provinceOf(courtCode);
  return catalog.filter((k) => k.province === null || k.province === province);
}

/** The catalog's entry for a code, or a coded error naming the field. */
export function requireKind(
  catalog: readonly AgencyKindDefinition[],
  code: AgencyKind,
  field = 'kind',
): AgencyKindDefinition {
  const found = catalog.find((k) => k.code === code);
  if (!found) {
    throw new CodedError(ErrorCode.ValidationFailed, `${code} is not an agency kind of the catalog`, {
      errors: [{ field, rule: 'agencyKindInCatalog', message: `${code} is not in the catalog` }],
    });
  }
  return found;
}

/**
 * Checks a provincial source a director defines for their court (点对点): a well-formed code, names,
 * at least one kind of party; not a national code (those are the network's, not a province's); another
 * province's source is not theirs to change; and a kind keeps its asset class once defined — controls
 * and reports rely on what the law treated its records as.
 */
export function definitionProblems(
  catalog: readonly AgencyKindDefinition[],
  proposed: AgencyKindDefinition,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!AGENCY_KIND_CODE.test(proposed.code)) {
    problems.push({ field: 'code', rule: 'agencyKindCode', message: 'A–Z, 0–9 and _, 2 to 40 long' });
  }
  if (!proposed.nameZh.trim()) problems.push({ field: 'nameZh', rule: 'notEmpty', message: 'a name' });
  if (!proposed.nameEn.trim()) problems.push({ field: 'nameEn', rule: 'notEmpty', message: 'a name' });
  if (!proposed.appliesTo.length) {
    problems.push({ field: 'appliesTo', rule: 'notEmpty', message: 'at least one kind of party' });
  }
  if (proposed.reachesLinkedPersons && !proposed.appliesTo.includes(PartyKind.NaturalPerson)) {
    problems.push({
      field: 'reachesLinkedPersons',
      rule: 'linkedPersonsAreNatural',
      message: 'a legal representative is a natural person: the kind must apply to natural persons',
    });
  }
  if (!proposed.province) {
    problems.push({
      field: 'province',
      rule: 'provincialOnly',
      message: 'only a provincial source is defined here',
    });
  }
  const existing = catalog.find((k) => k.code === proposed.code);
  if (existing) {
    if (existing.province === null) {
      problems.push({
        field: 'code',
        rule: 'nationalKindFixed',
        message: `${proposed.code} is a national kind of the 总对总 network, not a provincial source`,
      });
    } else if (existing.province !== proposed.province) {
      problems.push({
        field: 'code',
        rule: 'ownProvinceOnly',
        message: `${proposed.code} is a source of ${existing.province}, not of ${proposed.province ?? ''}`,
      });
    } else if (existing.assetClass !== proposed.assetClass) {
      problems.push({
        field: 'assetClass',
        rule: 'assetClassFixed',
        message: `${proposed.code} is ${existing.assetClass}; a kind keeps its class — define a new code instead`,
      });
    }
  }
  return problems;
}

export function assertDefinition(
  catalog: readonly AgencyKindDefinition[],
  proposed: AgencyKindDefinition,
): void {
  const problems = definitionProblems(catalog, proposed);
  if (problems.length) {
    throw new CodedError(ErrorCode.RuleViolated, problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      rule: problems[0]!.rule,
      errors: problems,
    });
  }
}
