import { addMonths, CaseActivityKind, PartyKind } from '@writ/contracts';

/** What the measures of a case show, by respondent id number (from the measures kept in this service). */
export interface MeasureFactsForChecklist {
  executionNoticeIssuedOn?: string;
  consumptionRestricted: readonly string[];
  dishonestListed: readonly string[];
  /** respondents fined or detained */
  punished: readonly string[];
}

export interface ChecklistRespondent {
  idNumber: string;
  name: string;
  kind: PartyKind;
  /** under 18 on the day: never put on the 失信 list (失信名单规定 2017 Art 4) */
  minor: boolean;
}

export interface TerminationChecklistInput {
  filingDate: string;
  today: string;
  respondents: readonly ChecklistRespondent[];
  measures: MeasureFactsForChecklist;
  activities: ReadonlySet<CaseActivityKind>;
  /** every agency kind answered or finally failed for every respondent */
  inquiryCompleted: boolean;
}

export interface ChecklistItem {
  code: string;
  label: string;
  met: boolean;
  detail: string;
}

/** 终本 prerequisites as ticks and crosses. */
export interface TerminationChecklist {
  allMet: boolean;
  items: ChecklistItem[];
}

function names(respondents: readonly ChecklistRespondent[]): string {
  return respondents.map((r) => r.name).join('、');
}

/**
 * The prerequisites of 终结本次执行程序, every one of which must hold
 * (严格规范终结本次执行程序的规定 2016 Art 1). A respondent who has not reported property has broken the
 * report duty (财产调查规定 Art 3): that must be punished, and it is a 失信 ground for an adult or an
 * organisation.
 */
export function terminationChecklist(input: TerminationChecklistInput): TerminationChecklist {
  const { measures, activities, respondents } = input;
  const reported = activities.has(CaseActivityKind.PropertyReported);
  const notRestricted = respondents.filter((r) => !measures.consumptionRestricted.includes(r.idNumber));
  const eligibleForListing = reported
    ? []
    : respondents.filter((r) => r.kind === PartyKind.Organisation || !r.minor);
  const notListed = eligibleForListing.filter((r) => !measures.dishonestListed.includes(r.idNumber));
  const unpunished = reported
    ? []
    : respondents.filter(
        (r) => !measures.punished.includes(r.idNumber) && !measures.dishonestListed.includes(r.idNumber),
      );
  const threeMonthsAfter = addMonths(input.filingDate, 3);
  const missing = activities.has(CaseActivityKind.DebtorMissing);

  const items: ChecklistItem[] = [
    {
      code: 'NOTICE_AND_REPORT_ORDER',
      label: '已发出执行通知书和报告财产令',
      met: measures.executionNoticeIssuedOn !== undefined,
      detail: measures.executionNoticeIssuedOn
        ? `于 ${measures.executionNoticeIssuedOn} 发出`
        : '尚未发出执行通知书和报告财产令',
    },
    {
      code: 'REPORT_DUTY_ENFORCED',
      label: '被执行人报告财产，或对拒不报告者已予惩戒',
      met: unpunished.length === 0,
      detail: reported
        ? '被执行人已报告财产'
        : unpunished.length
          ? `${names(unpunished)} 未报告财产且未受罚款、拘留或失信惩戒`
          : '拒不报告财产者均已惩戒',
    },
    {
      code: 'CONSUMPTION_RESTRICTED',
      label: '已发出限制消费令',
      met: notRestricted.length === 0,
      detail: notRestricted.length ? `${names(notRestricted)} 未被限制消费` : '全部被执行人已限制消费',
    },
    {
      code: 'DISHONEST_WHERE_ELIGIBLE',
      label: '符合条件的已纳入失信被执行人名单',
      met: notListed.length === 0,
      detail: eligibleForListing.length
        ? notListed.length
          ? `${names(notListed)} 符合纳入条件但未纳入失信名单`
          : '符合条件者均已纳入'
        : '无符合纳入条件的被执行人（未成年人不纳入）',
    },
    {
      code: 'SEARCH_EXHAUSTED',
      label: '穷尽财产调查措施，未发现可供执行的财产',
      met: input.inquiryCompleted && activities.has(CaseActivityKind.NoExecutablePropertyFound),
      detail: !input.inquiryCompleted
        ? '网络查控尚未全部反馈'
        : activities.has(CaseActivityKind.NoExecutablePropertyFound)
          ? '网络查控已反馈，已记录未发现可供执行财产'
          : '尚未记录财产调查穷尽的结论',
    },
    {
      code: 'OVER_THREE_MONTHS',
      label: '自立案之日起已超过三个月',
      met: input.today > threeMonthsAfter,
      detail: `立案 ${input.filingDate}，满三个月为 ${threeMonthsAfter}`,
    },
    {
      code: 'MISSING_DEBTOR_SEARCHED',
      label: '被执行人下落不明的，已依法查找',
      met: !missing || activities.has(CaseActivityKind.DebtorSearched),
      detail: missing
        ? activities.has(CaseActivityKind.DebtorSearched)
          ? '已查找下落不明的被执行人'
          : '被执行人下落不明，尚未记录查找'
        : '被执行人下落明确',
    },
    {
      code: 'APPLICANT_INTERVIEWED',
      label: '已约谈申请执行人并告知',
      met: activities.has(CaseActivityKind.ApplicantInterviewed),
      detail: activities.has(CaseActivityKind.ApplicantInterviewed) ? '已约谈' : '尚未约谈申请执行人',
    },
  ];
  return { allMet: items.every((i) => i.met), items };
}
