import { formatFen, Track, type CaseType, type Fen } from '@writ/contracts';
import type { Team, TriageRules } from './court-settings.js';

export interface TriageInput {
  caseType: CaseType;
  claimAmountFen: Fen;
  /** deposits found by the inquiry, when it has answered */
  depositsFoundFen?: Fen;
}

export interface TriageDecision {
  track: Track;
  /** shown to the officer: why this track */
  reason: string;
}

/** 繁简分流: the track a case belongs on under the court's rules, with the reason (DOMAIN.md §1, local practice). */
export function triage(input: TriageInput, rules: TriageRules): TriageDecision {
  if (rules.fastTrackCaseTypes.includes(input.caseType)) {
    return { track: Track.Fast, reason: `${input.caseType}案件按规则一律快执` };
  }
  if (rules.ordinaryTrackCaseTypes.includes(input.caseType)) {
    return { track: Track.Ordinary, reason: `${input.caseType}案件按规则一律精执` };
  }
  if (
    rules.fastTrackWhenDepositsCoverClaim &&
    input.depositsFoundFen !== undefined &&
    input.depositsFoundFen >= input.claimAmountFen
  ) {
    return {
      track: Track.Fast,
      reason: `查得存款 ${formatFen(input.depositsFoundFen)} 足以清偿标的 ${formatFen(input.claimAmountFen)}`,
    };
  }
  if (input.claimAmountFen <= rules.fastTrackMaxClaimFen) {
    return {
      track: Track.Fast,
      reason: `标的额 ${formatFen(input.claimAmountFen)} 不超过快执上限 ${formatFen(rules.fastTrackMaxClaimFen)}`,
    };
  }
  return {
    track: Track.Ordinary,
    reason: `标的额 ${formatFen(input.claimAmountFen)} 超过快执上限 ${formatFen(rules.fastTrackMaxClaimFen)}，需评估拍卖等精细执行`,
  };
}

export interface Assignment {
  teamId: string;
  officerId: string;
}

/**
 * Deals a case to the team of its track and, within it, to the officer with the fewest open cases
 * (ties: the team's own order), so a busy officer is not given more. Null when the court has no team
 * for the track.
 */
/** The team that takes a track's cases: the first one of that track with officers in it. */
export function teamForTrack(track: Track, teams: readonly Team[]): Team | undefined {
  return teams.find((t) => t.track === track && t.officerIds.length > 0);
}

export function assignOfficer(
  track: Track,
  teams: readonly Team[],
  openCasesByOfficer: ReadonlyMap<string, number>,
): Assignment | null {
  const team = teamForTrack(track, teams);
  if (!team) return null;
  let chosen = team.officerIds[0]!;
  for (const officer of team.officerIds) {
    if ((openCasesByOfficer.get(officer) ?? 0) < (openCasesByOfficer.get(chosen) ?? 0)) chosen = officer;
  }
  return { teamId: team.id, officerId: chosen };
}
