import type { Track } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { Team } from '../domain/court-settings.js';
import { assignOfficer, teamForTrack, type Assignment } from '../domain/triage.js';
import type { CaseLifeRepository } from '../persistence/case-life.repository.js';

/**
 * Where a case of `track` goes: the least-loaded officer of the track's team, by the caseloads the
 * database keeps; null when the court has no team for the track. Registration and re-triage both ask.
 */
export async function assignmentFor(
  lives: CaseLifeRepository,
  manager: EntityManager,
  courtCode: string,
  track: Track,
  teams: readonly Team[],
): Promise<Assignment | null> {
  const team = teamForTrack(track, teams);
  if (!team) return null;
  return assignOfficer(track, teams, await lives.openCasesByOfficer(manager, courtCode, team.officerIds));
}
