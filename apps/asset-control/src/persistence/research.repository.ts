import type { PartyKind, ResearchStatus } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { Respondent } from '../domain/asset-inquiry.js';
import type { ResearchSchedule } from '../domain/research-schedule.js';

export interface ScheduleRow extends ResearchSchedule {
  caseId: string;
  caseNumber: string;
  courtCode: string;
  stoppedOn: string | null;
  stoppedReason: string | null;
}

export interface RoundRow {
  round: number;
  startedAt: Date;
  completedAt: Date | null;
  assetsFound: number | null;
  totalValueFen: number | null;
  announcedAt: Date | null;
}

interface ScheduleDbRow {
  case_id: string;
  case_number: string;
  court_code: string;
  status: ResearchStatus;
  closed_on: string;
  ends_on: string;
  next_due_on: string | null;
  rounds_started: number;
  stopped_on: string | null;
  stopped_reason: string | null;
}

const SCHEDULE_COLUMNS = `case_id, case_number, court_code, status, closed_on::text, ends_on::text,
  next_due_on::text, rounds_started, stopped_on::text, stopped_reason`;

function scheduleOf(r: ScheduleDbRow): ScheduleRow {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtCode: r.court_code,
    status: r.status,
    closedOn: r.closed_on,
    endsOn: r.ends_on,
    nextDueOn: r.next_due_on,
    roundsStarted: r.rounds_started,
    stoppedOn: r.stopped_on,
    stoppedReason: r.stopped_reason,
  };
}

/** Reads and writes the re-search schedules of 终本 cases and their rounds; no rules here. */
export class ResearchRepository {
  /** False when the case already has a schedule. */
  async insertSchedule(
    manager: EntityManager,
    row: { caseId: string; caseNumber: string; courtCode: string },
    schedule: ResearchSchedule,
    now: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO research_schedule
         (case_id, case_number, court_code, status, closed_on, ends_on, next_due_on, rounds_started, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [
        row.caseId,
        row.caseNumber,
        row.courtCode,
        schedule.status,
        schedule.closedOn,
        schedule.endsOn,
        schedule.nextDueOn,
        schedule.roundsStarted,
        now.toISOString(),
      ],
    );
    return rows.length > 0;
  }

  async findSchedule(manager: EntityManager, caseId: string): Promise<ScheduleRow | null> {
    const rows = await manager.query<ScheduleDbRow[]>(
      `SELECT ${SCHEDULE_COLUMNS} FROM research_schedule WHERE case_id = $1`,
      [caseId],
    );
    return rows[0] ? scheduleOf(rows[0]) : null;
  }

  async lockSchedule(manager: EntityManager, caseId: string): Promise<ScheduleRow | null> {
    const rows = await manager.query<ScheduleDbRow[]>(
      `SELECT ${SCHEDULE_COLUMNS} FROM research_schedule WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    return rows[0] ? scheduleOf(rows[0]) : null;
  }

  /** Due schedules, locked; SKIP LOCKED lets replicas scan side by side without starting a round twice. */
  async lockDue(manager: EntityManager, today: string, limit: number): Promise<ScheduleRow[]> {
    const rows = await manager.query<ScheduleDbRow[]>(
      `SELECT ${SCHEDULE_COLUMNS} FROM research_schedule
        WHERE status = 'ACTIVE' AND next_due_on <= $1
        ORDER BY next_due_on LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map(scheduleOf);
  }

  async saveSchedule(
    manager: EntityManager,
    caseId: string,
    schedule: ResearchSchedule,
    stopped?: { on: string; reason: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE research_schedule
          SET status = $2, next_due_on = $3, rounds_started = $4,
              stopped_on = COALESCE($5, stopped_on), stopped_reason = COALESCE($6, stopped_reason)
        WHERE case_id = $1`,
      [
        caseId,
        schedule.status,
        schedule.nextDueOn,
        schedule.roundsStarted,
        stopped?.on ?? null,
        stopped?.reason ?? null,
      ],
    );
  }

  async insertRound(manager: EntityManager, caseId: string, round: number, now: Date): Promise<void> {
    await manager.query(`INSERT INTO research_round (case_id, round, started_at) VALUES ($1, $2, $3)`, [
      caseId,
      round,
      now.toISOString(),
    ]);
  }

  /** Closes a round with what it found; true only for the one caller that did it. */
  async completeRound(
    manager: EntityManager,
    caseId: string,
    round: number,
    now: Date,
    find: { assetsFound: number; totalValueFen: number },
  ): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE research_round SET completed_at = $3, assets_found = $4, total_value_fen = $5
        WHERE case_id = $1 AND round = $2 AND completed_at IS NULL RETURNING round`,
      [caseId, round, now.toISOString(), find.assetsFound, find.totalValueFen],
    );
    return rows.length > 0;
  }

  /** Opens a completed round again, for an inquiry sent again. */
  async reopenRound(manager: EntityManager, caseId: string, round: number): Promise<void> {
    await manager.query(`UPDATE research_round SET completed_at = NULL WHERE case_id = $1 AND round = $2`, [
      caseId,
      round,
    ]);
  }

  /** Marks the round's find announced; false when it already was (once per round). */
  async markAnnounced(manager: EntityManager, caseId: string, round: number, now: Date): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE research_round SET announced_at = $3
        WHERE case_id = $1 AND round = $2 AND announced_at IS NULL RETURNING round`,
      [caseId, round, now.toISOString()],
    );
    return rows.length > 0;
  }

  async roundsOf(manager: EntityManager, caseId: string): Promise<RoundRow[]> {
    const rows = await manager.query<
      {
        round: number;
        started_at: Date;
        completed_at: Date | null;
        assets_found: number | null;
        total_value_fen: string | null;
        announced_at: Date | null;
      }[]
    >(
      `SELECT round, started_at, completed_at, assets_found, total_value_fen::text, announced_at
         FROM research_round WHERE case_id = $1 ORDER BY round`,
      [caseId],
    );
    return rows.map((r) => ({
      round: r.round,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      assetsFound: r.assets_found,
      totalValueFen: r.total_value_fen === null ? null : Number(r.total_value_fen),
      announcedAt: r.announced_at,
    }));
  }

  /**
   * The respondents as the case was registered with them, from the inquiry at registration, with the
   * persons linked to them (法定代表人) and the places each was asked at.
   */
  async respondentsOf(manager: EntityManager, caseId: string): Promise<Respondent[]> {
    const rows = await manager.query<
      {
        respondent_position: number;
        respondent_kind: PartyKind;
        respondent_name: string;
        respondent_id_number: string;
        linked_to: number | null;
      }[]
    >(
      `SELECT DISTINCT respondent_position, respondent_kind, respondent_name, respondent_id_number, linked_to
         FROM asset_inquiry WHERE case_id = $1 AND round = 0 ORDER BY respondent_position`,
      [caseId],
    );
    const respondents: Respondent[] = rows
      .filter((r) => r.linked_to === null)
      .map((r) => ({
        position: r.respondent_position,
        kind: r.respondent_kind,
        name: r.respondent_name,
        idNumber: r.respondent_id_number,
      }));
    for (const r of rows) {
      const organisation = respondents.find((o) => r.linked_to !== null && o.position === r.linked_to);
      if (!organisation) continue;
      organisation.legalRepresentative = {
        name: r.respondent_name,
        idNumber: r.respondent_id_number,
        position: r.respondent_position,
      };
    }
    return respondents;
  }
}
