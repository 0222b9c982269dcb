import {
  addMonths,
  AssetValueKind,
  CaseType,
  ClosureType,
  ResearchStatus,
  type AgencyKind,
  type Fen,
} from '@writ/contracts';

/** After 终本 the network is searched again every 6 months … (DOMAIN.md §4) */
export const RESEARCH_INTERVAL_MONTHS = 6;
/** … for 5 years (DOMAIN.md §4). */
export const RESEARCH_PERIOD_MONTHS = 60;

export interface ResearchSchedule {
  status: ResearchStatus;
  closedOn: string;
  endsOn: string;
  nextDueOn: string | null;
  roundsStarted: number;
}

/** Only a 终本 closure is re-searched: every other closure ends the enforcement (DOMAIN.md §4). */
export function needsResearch(closureType: ClosureType): boolean {
  return closureType === ClosureType.TerminatedThisRound;
}

/** The schedule of a case closed as 终本 on `closedOn`: first round 6 months on, the last 5 years on. */
export function newResearchSchedule(closedOn: string): ResearchSchedule {
  return {
    status: ResearchStatus.Active,
    closedOn,
    endsOn: addMonths(closedOn, RESEARCH_PERIOD_MONTHS),
    nextDueOn: addMonths(closedOn, RESEARCH_INTERVAL_MONTHS),
    roundsStarted: 0,
  };
}

export function researchIsDue(schedule: ResearchSchedule, today: string): boolean {
  return (
    schedule.status === ResearchStatus.Active && schedule.nextDueOn !== null && schedule.nextDueOn <= today
  );
}

/**
 * The schedule once a round has started today. The dates stay on the 6-month grid counted from the
 * closure, so a late scan does not push every later round back; a round missed while the service was
 * down is made up once, not once per missed date. Past 5 years the schedule has ended.
 */
export function roundStarted(schedule: ResearchSchedule, today: string): ResearchSchedule {
  let step = 1;
  while (addMonths(schedule.closedOn, RESEARCH_INTERVAL_MONTHS * step) <= today) step++;
  const next = addMonths(schedule.closedOn, RESEARCH_INTERVAL_MONTHS * step);
  const ended = next > schedule.endsOn;
  return {
    ...schedule,
    roundsStarted: schedule.roundsStarted + 1,
    nextDueOn: ended ? null : next,
    status: ended ? ResearchStatus.Ended : ResearchStatus.Active,
  };
}

/** A resumed case (执恢) takes over the search: the 终本 case is re-searched no more (DOMAIN.md §4). */
export function resumedCaseOf(registered: { caseType: CaseType; relatedCaseId?: string }): string | null {
  return registered.caseType === CaseType.Resumed && registered.relatedCaseId
    ? registered.relatedCaseId
    : null;
}

export function researchStopped(schedule: ResearchSchedule): ResearchSchedule {
  return { ...schedule, status: ResearchStatus.Stopped, nextDueOn: null };
}

export interface RoundAsset {
  kind: AgencyKind;
  valueKind: AssetValueKind;
  amountFen: Fen;
}

/**
 * What a round found that can be enforced against: anything with a balance or an estimate above 0. A
 * marriage record or an empty account is no reason to resume the case.
 */
export function executableFind(assets: readonly RoundAsset[]): { assetsFound: number; totalValueFen: Fen } {
  const executable = assets.filter((a) => a.valueKind !== AssetValueKind.None && a.amountFen > 0);
  return {
    assetsFound: executable.length,
    totalValueFen: executable.reduce((sum, a) => sum + a.amountFen, 0),
  };
}

/** e.g. "第1次复查：银行存款2项、不动产1项，合计1234.56元" */
export function findDescription(
  round: number,
  assets: readonly RoundAsset[],
  nameOf: (kind: AgencyKind) => string = (kind) => kind,
): string {
  const executable = assets.filter((a) => a.valueKind !== AssetValueKind.None && a.amountFen > 0);
  const counts = new Map<AgencyKind, number>();
  for (const a of executable) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${nameOf(kind)}${n}项`);
  const total = executable.reduce((sum, a) => sum + a.amountFen, 0);
  return `第${round}次复查：${parts.join('、')}，合计${(total / 100).toFixed(2)}元`;
}
