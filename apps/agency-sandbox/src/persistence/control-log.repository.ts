import type { AgencyControlReply, Fen } from '@writ/contracts';
import type { EntityManager } from 'typeorm';

export interface ControlLogEntry {
  actionId: string;
  controlId: string;
  kind: string;
  action: string;
  identifier: string;
  caseNumber: string;
  answer: AgencyControlReply;
  /** DEDUCT answered DONE: the money transferred */
  movedFen: Fen;
  receivedAt: Date;
}

const INSERT = `INSERT INTO agency_control_log (action_id, control_id, kind, action, identifier, case_number, outcome,
    answer, moved_fen, received_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;

function values(entry: ControlLogEntry, outcome: 'ANSWERED' | 'REPEATED'): unknown[] {
  return [
    entry.actionId,
    entry.controlId,
    entry.kind,
    entry.action,
    entry.identifier,
    entry.caseNumber,
    outcome,
    JSON.stringify(entry.answer),
    entry.movedFen,
    entry.receivedAt.toISOString(),
  ];
}

/** The sandbox's record of the follow-up control orders it answered, by action id; no rules here. */
export class ControlLogRepository {
  /** Logs the first answer to an action id; false when another delivery's answer was logged first. */
  async recordFirstAnswer(manager: EntityManager, entry: ControlLogEntry): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `${INSERT} ON CONFLICT (action_id) WHERE outcome = 'ANSWERED' DO NOTHING RETURNING id`,
      values(entry, 'ANSWERED'),
    );
    return rows.length > 0;
  }

  async recordRepeat(manager: EntityManager, entry: ControlLogEntry): Promise<void> {
    await manager.query(INSERT, values({ ...entry, movedFen: 0 }, 'REPEATED'));
  }

  async earlierAnswer(manager: EntityManager, actionId: string): Promise<AgencyControlReply | null> {
    const rows = await manager.query<{ answer: AgencyControlReply }[]>(
      `SELECT answer FROM agency_control_log WHERE action_id = $1 AND outcome = 'ANSWERED'`,
      [actionId],
    );
    return rows[0]?.answer ?? null;
  }

  /** What deductions already moved out of a record. */
  async movedFen(manager: EntityManager, kind: string, identifier: string): Promise<Fen> {
    const rows = await manager.query<{ total: string }[]>(
      `SELECT coalesce(sum(moved_fen), 0)::text AS total FROM agency_control_log
        WHERE kind = $1 AND identifier = $2 AND outcome = 'ANSWERED'`,
      [kind, identifier],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** Serialises the orders on one record for the rest of the transaction. */
  async lockRecord(manager: EntityManager, kind: string, identifier: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${kind}:${identifier}`]);
  }
}
