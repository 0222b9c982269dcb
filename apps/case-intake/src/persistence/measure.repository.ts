import type { MeasureDetails, MeasureKind, MeasureStatus } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import { measureFactsOf, type Measure, type MeasureFacts } from '../domain/measures.js';

interface MeasureRow {
  id: string;
  case_id: string;
  court_code: string;
  kind: string;
  respondent_id_number: string;
  status: string;
  details: MeasureDetails;
  note: string | null;
  decided_on: string;
  decided_by: string;
  due_on: string | null;
  late: boolean | null;
  in_force_from: string | null;
  term_until: string | null;
  lifted_on: string | null;
  lifted_by: string | null;
  lift_reason: string | null;
  removal_due_on: string | null;
  removed_late: boolean | null;
  approval_id: string | null;
}

// dates leave as text: pg would turn a DATE into a Date at local midnight
const COLUMNS = `id, case_id, court_code, kind, respondent_id_number, status, details, note,
  decided_on::text AS decided_on, decided_by, due_on::text AS due_on, late, in_force_from::text AS in_force_from,
  term_until::text AS term_until, lifted_on::text AS lifted_on, lifted_by, lift_reason,
  removal_due_on::text AS removal_due_on, removed_late, approval_id`;

function toMeasure(row: MeasureRow): Measure {
  return {
    id: row.id,
    caseId: row.case_id,
    courtCode: row.court_code,
    kind: row.kind as MeasureKind,
    respondentIdNumber: row.respondent_id_number,
    status: row.status as MeasureStatus,
    details: row.details,
    ...(row.note !== null ? { note: row.note } : {}),
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
    ...(row.due_on !== null ? { dueOn: row.due_on } : {}),
    ...(row.late !== null ? { late: row.late } : {}),
    ...(row.in_force_from !== null ? { inForceFrom: row.in_force_from } : {}),
    ...(row.term_until !== null ? { termUntil: row.term_until } : {}),
    ...(row.lifted_on !== null ? { liftedOn: row.lifted_on } : {}),
    ...(row.lifted_by !== null ? { liftedBy: row.lifted_by } : {}),
    ...(row.lift_reason !== null ? { liftReason: row.lift_reason } : {}),
    ...(row.removal_due_on !== null ? { removalDueOn: row.removal_due_on } : {}),
    ...(row.removed_late !== null ? { removedLate: row.removed_late } : {}),
    ...(row.approval_id !== null ? { approvalId: row.approval_id } : {}),
  };
}

/** Reads and writes the measures of cases (case_measure); no rules here. */
export class MeasureRepository {
  async insert(manager: EntityManager, m: Measure, requestKey: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO case_measure (id, case_id, court_code, kind, respondent_id_number, status, details, note,
         decided_on, decided_by, due_on, late, in_force_from, term_until, approval_id, request_key, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
      [
        m.id,
        m.caseId,
        m.courtCode,
        m.kind,
        m.respondentIdNumber,
        m.status,
        JSON.stringify(m.details),
        m.note ?? null,
        m.decidedOn,
        m.decidedBy,
        m.dueOn ?? null,
        m.late ?? null,
        m.inForceFrom ?? null,
        m.termUntil ?? null,
        m.approvalId ?? null,
        requestKey,
        at,
      ],
    );
  }

  /** Writes what a measure's life changes: its status, when it binds, until when, and its lifting. */
  async update(manager: EntityManager, m: Measure, at: Date): Promise<void> {
    await manager.query(
      `UPDATE case_measure SET status = $2, in_force_from = $3, term_until = $4, lifted_on = $5, lifted_by = $6,
         lift_reason = $7, removal_due_on = $8, removed_late = $9, updated_at = $10
       WHERE id = $1`,
      [
        m.id,
        m.status,
        m.inForceFrom ?? null,
        m.termUntil ?? null,
        m.liftedOn ?? null,
        m.liftedBy ?? null,
        m.liftReason ?? null,
        m.removalDueOn ?? null,
        m.removedLate ?? null,
        at,
      ],
    );
  }

  /** One measure of a court; `lock` holds it until the transaction ends. */
  async find(
    manager: EntityManager,
    courtCode: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<Measure | null> {
    const rows = await manager.query<MeasureRow[]>(
      `SELECT ${COLUMNS} FROM case_measure WHERE id = $1 AND court_code = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id, courtCode],
    );
    return rows[0] ? toMeasure(rows[0]) : null;
  }

  async findByRequestKey(
    manager: EntityManager,
    courtCode: string,
    requestKey: string,
  ): Promise<Measure | null> {
    const rows = await manager.query<MeasureRow[]>(
      `SELECT ${COLUMNS} FROM case_measure WHERE court_code = $1 AND request_key = $2`,
      [courtCode, requestKey],
    );
    return rows[0] ? toMeasure(rows[0]) : null;
  }

  /** Every measure of a case, oldest decision first; `lock` holds them until the transaction ends. */
  async forCase(
    manager: EntityManager,
    caseId: string,
    options: { courtCode?: string; lock?: boolean } = {},
  ): Promise<Measure[]> {
    const rows = await manager.query<MeasureRow[]>(
      `SELECT ${COLUMNS} FROM case_measure WHERE case_id = $1 ${options.courtCode ? 'AND court_code = $2' : ''}
       ORDER BY decided_on, created_at, id ${options.lock ? 'FOR UPDATE' : ''}`,
      options.courtCode ? [caseId, options.courtCode] : [caseId],
    );
    return rows.map(toMeasure);
  }

  /** What the measures of a case show for the 终本 checklist, by respondent id number. */
  async factsFor(manager: EntityManager, caseId: string): Promise<MeasureFacts> {
    return measureFactsOf(await this.forCase(manager, caseId));
  }
}
