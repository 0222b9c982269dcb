import type { EntrustmentStatus, EntrustmentView } from '@writ/contracts';
import type { EntityManager } from 'typeorm';

export interface EntrustmentRecord {
  id: string;
  fromCourtCode: string;
  fromCaseId: string;
  toCourtCode: string;
  status: EntrustmentStatus;
  reason: string;
  createdAt: Date;
  createdBy: string;
  dueOn: string;
}

interface EntrustmentRow {
  id: string;
  from_court_code: string;
  from_case_id: string;
  from_case_number: string;
  to_court_code: string;
  status: string;
  reason: string;
  created_at: Date;
  created_by: string;
  due_on: string;
  accepted_case_id: string | null;
  accepted_case_number: string | null;
}

const SELECT_VIEW = `SELECT e.id, e.from_court_code, e.from_case_id, f.case_number AS from_case_number, e.to_court_code,
    e.status, e.reason, e.created_at, e.created_by, e.due_on::text AS due_on, e.accepted_case_id,
    a.case_number AS accepted_case_number
  FROM entrustment e JOIN enforcement_case f ON f.id = e.from_case_id
  LEFT JOIN enforcement_case a ON a.id = e.accepted_case_id`;

function toView(r: EntrustmentRow): EntrustmentView {
  return {
    id: r.id,
    fromCourtCode: r.from_court_code,
    fromCaseId: r.from_case_id,
    fromCaseNumber: r.from_case_number,
    toCourtCode: r.to_court_code,
    status: r.status as EntrustmentView['status'],
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    dueOn: r.due_on,
    ...(r.accepted_case_id ? { acceptedCaseId: r.accepted_case_id } : {}),
    ...(r.accepted_case_number ? { acceptedCaseNumber: r.accepted_case_number } : {}),
  };
}

/** Entrustments between courts (委托执行); no rules here. */
export class EntrustmentRepository {
  async insert(manager: EntityManager, e: EntrustmentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO entrustment (id, from_court_code, from_case_id, to_court_code, status, reason, created_at, created_by, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.id,
        e.fromCourtCode,
        e.fromCaseId,
        e.toCourtCode,
        e.status,
        e.reason,
        e.createdAt,
        e.createdBy,
        e.dueOn,
      ],
    );
  }

  async pendingFor(manager: EntityManager, caseId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM entrustment WHERE from_case_id = $1 AND status = 'PENDING'`,
      [caseId],
    );
    return rows.length > 0;
  }

  async lock(manager: EntityManager, id: string): Promise<EntrustmentRecord | null> {
    const [r] = await manager.query<EntrustmentRow[]>(
      `SELECT id, from_court_code, from_case_id, to_court_code, status, reason, created_at, created_by,
              due_on::text AS due_on
         FROM entrustment WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!r) return null;
    return {
      id: r.id,
      fromCourtCode: r.from_court_code,
      fromCaseId: r.from_case_id,
      toCourtCode: r.to_court_code,
      status: r.status as EntrustmentStatus,
      reason: r.reason,
      createdAt: r.created_at,
      createdBy: r.created_by,
      dueOn: r.due_on,
    };
  }

  async markAccepted(
    manager: EntityManager,
    id: string,
    accepted: { caseId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE entrustment SET status = 'ACCEPTED', accepted_case_id = $2, accepted_at = $3 WHERE id = $1`,
      [id, accepted.caseId, accepted.at],
    );
  }

  async view(manager: EntityManager, id: string): Promise<EntrustmentView | null> {
    const [row] = await manager.query<EntrustmentRow[]>(`${SELECT_VIEW} WHERE e.id = $1`, [id]);
    return row ? toView(row) : null;
  }

  /** Entrustments to or from a court, newest first. */
  async forCourt(
    manager: EntityManager,
    courtCode: string,
    pendingOnly: boolean,
  ): Promise<EntrustmentView[]> {
    const rows = await manager.query<EntrustmentRow[]>(
      `${SELECT_VIEW} WHERE (e.to_court_code = $1 OR e.from_court_code = $1)
         ${pendingOnly ? "AND e.status = 'PENDING'" : ''} ORDER BY e.created_at DESC LIMIT 200`,
      [courtCode],
    );
    return rows.map(toView);
  }
}
