import {
  CaseType,
  FlowNode,
  LEGAL_MAXIMUM_NODE_DAYS,
  Track,
  type Fen,
  type FieldError,
} from '@writ/contracts';

/** A team of officers (执行团队) that takes the cases of one track. */
export interface Team {
  id: string;
  name: string;
  track: Track;
  /** usernames of the officers, in the order cases are dealt to them when loads are equal */
  officerIds: string[];
}

/**
 * 繁简分流 rules. There are no national criteria (DOMAIN.md §1): the seed court's practice is the
 * default and every court can set its own.
 */
export interface TriageRules {
  /** claims up to this amount go to the fast track */
  fastTrackMaxClaimFen: Fen;
  /** case types that always go to the ordinary track (most 执恢 need appraisal/auction) */
  ordinaryTrackCaseTypes: CaseType[];
  /** case types that always go to the fast track (simple preservation) */
  fastTrackCaseTypes: CaseType[];
  /** move a case to the fast track once deposits found cover its claim */
  fastTrackWhenDepositsCoverClaim: boolean;
}

/** Days allowed for a flow node from its start; local practice (DOMAIN.md §3), configurable per court. */
export type NodeDeadlineDays = Partial<Record<FlowNode, number>>;

/** The court's own figures where the law leaves room; the seed court's values are the defaults. */
export interface CourtSettings {
  triage: TriageRules;
  teams: Team[];
  nodeDeadlineDays: NodeDeadlineDays;
  /** public holidays (no work) and make-up working days (调休), YYYY-MM-DD */
  holidays: string[];
  workingWeekends: string[];
}

/** The seed court's (辽1104 大洼区人民法院) practice. */
export const DEFAULT_COURT_SETTINGS: CourtSettings = {
  triage: {
    fastTrackMaxClaimFen: 5_000_000, // ¥50,000: small claims, usually settled from deposits
    ordinaryTrackCaseTypes: [CaseType.Resumed],
    fastTrackCaseTypes: [CaseType.Preservation],
    fastTrackWhenDepositsCoverClaim: true,
  },
  teams: [
    { id: 'fast-1', name: '快执团队', track: Track.Fast, officerIds: ['officer1'] },
    {
      id: 'ordinary-1',
      name: '精执团队',
      track: Track.Ordinary,
      officerIds: ['judge1', 'officer1'],
    },
  ],
  nodeDeadlineDays: {
    // 执行立案: accept or refuse within 7 days (执行工作规定 2020 Art 16)
    [FlowNode.Intake]: 7,
    // 财产查询: online inquiry started the day of filing (seed court: 立案当日启动财产查控)
    [FlowNode.AssetInquiry]: 0,
    // 财产控制: online control within 48 hours of a find (seed court practice)
    [FlowNode.ControlAndAnalysis]: 2,
    // 司法处置: disposal started within one month of seizure (seed court practice)
    [FlowNode.Disposal]: 30,
    // 案款管理: paid out within 30 days of arrival (执行款物管理规定 2017)
    [FlowNode.Funds]: 30,
    // 执行裁决: objections decided within 15 days (民诉法 2023 Art 236)
    [FlowNode.Adjudication]: 15,
    // 执行送达辅助: notice and report order within 10 days (民诉解释 Art 480); seed court: 5 days
    [FlowNode.ServiceOfDocuments]: 5,
    // 受托案件办理: the entrusted court files within 7 days
    [FlowNode.Entrusted]: 7,
    // 执行监督: an extension request is decided before the period runs out (5 days' notice)
    [FlowNode.Supervision]: 5,
  },
  holidays: [],
  workingWeekends: [],
};

/** The seed court, whose demo officers staff the default teams. */
export const SEED_COURT_CODE = '辽1104';

/**
 * A court's settings over the defaults: whatever it has not set stays at the seed court's value —
 * except its teams, which name the seed court's own officers: another court without settings has no
 * teams, and its cases wait unassigned until it sets them.
 */
export function settingsWithDefaults(
  partial: Partial<CourtSettings> | undefined,
  courtCode: string,
): CourtSettings {
  return {
    ...DEFAULT_COURT_SETTINGS,
    ...(courtCode === SEED_COURT_CODE ? {} : { teams: [] }),
    ...partial,
    triage: { ...DEFAULT_COURT_SETTINGS.triage, ...partial?.triage },
    nodeDeadlineDays: { ...DEFAULT_COURT_SETTINGS.nodeDeadlineDays, ...partial?.nodeDeadlineDays },
  };
}

/** What is wrong with settings a court wants to set, by field and rule. */
export function settingsProblems(settings: CourtSettings): FieldError[] {
  const problems: FieldError[] = [];
  for (const [node, max] of Object.entries(LEGAL_MAXIMUM_NODE_DAYS) as [FlowNode, number][]) {
    const days = settings.nodeDeadlineDays[node];
    if (days !== undefined && days > max) {
      problems.push({
        field: `nodeDeadlineDays.${node}`,
        rule: 'legalMaximum',
        message: `nodeDeadlineDays.${node} may not exceed the ${max} days the law allows`,
      });
    }
  }
  const both = settings.triage.fastTrackCaseTypes.filter((t) =>
    settings.triage.ordinaryTrackCaseTypes.includes(t),
  );
  if (both.length) {
    problems.push({
      field: 'triage.fastTrackCaseTypes',
      rule: 'oneTrackPerType',
      message: `${both.join(', ')} cannot be ruled onto both tracks`,
    });
  }
  settings.workingWeekends.forEach((day, index) => {
    // a make-up working day (调休) is a Saturday or Sunday that is worked
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      problems.push({
        field: `workingWeekends[${index}]`,
        rule: 'weekendOnly',
        message: `workingWeekends[${index}] ${day} is a weekday, not a weekend worked in exchange`,
      });
    }
    if (settings.holidays.includes(day)) {
      problems.push({
        field: `workingWeekends[${index}]`,
        rule: 'notAlsoHoliday',
        message: `${day} cannot be both a holiday and a working day`,
      });
    }
  });
  const ids = new Set<string>();
  settings.teams.forEach((team, index) => {
    if (ids.has(team.id)) {
      problems.push({
        field: `teams[${index}].id`,
        rule: 'uniqueTeam',
        message: `team id ${team.id} is used twice`,
      });
    }
    ids.add(team.id);
  });
  return problems;
}
