import type { ApprovalStatus, Role } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { ApprovalRequest } from '../domain/approval.js';

interface ApprovalRow {
  id: string;
  court_code: string;
  case_id: string;
  subject_type: string;
  subject_id: string;
  summary: string;
  required_role: string;
  requested_by: string;
  requested_at: Date;
  status: string;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
}

const COLUMNS = `id, court_code, case_id, subject_type, subject_id, summary, required_role, requested_by,
  requested_at, status, decided_by, decided_at, comment`;

function toApproval(row: ApprovalRow): ApprovalRequest {
  return {
    id: row.id,
    courtCode: row.court_code,
    caseId: row.case_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    requiredRole: row.required_role as Role,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    status: row.status as ApprovalStatus,
    ...(row.decided_by !== null ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at !== null ? { decidedAt: row.decided_at } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

export interface ApprovalFilter {
  courtCode: string;
  /** every request of one case */
  caseId?: string;
  /** an approver's queue: requests needing one of these roles ... */
  roles?: readonly Role[];
  /** ... that someone else made */
  notRequestedBy?: string;
  status?: ApprovalStatus;
  page: number;
  pageSize: number;
}

/** Reads and writes approval requests (approval_request); no rules here. */
export class ApprovalRepository {
  async insert(manager: EntityManager, a: ApprovalRequest): Promise<void> {
    await manager.query(
      `INSERT INTO approval_request (id, court_code, case_id, subject_type, subject_id, summary, required_role,
         requested_by, requested_at, status, decided_by, decided_at, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        a.id,
        a.courtCode,
        a.caseId,
        a.subjectType,
        a.subjectId,
        a.summary,
        a.requiredRole,
        a.requestedBy,
        a.requestedAt,
        a.status,
        a.decidedBy ?? null,
        a.decidedAt ?? null,
        a.comment ?? null,
      ],
    );
  }

  /** Writes the decision: status, who, when, why. */
  async update(manager: EntityManager, a: ApprovalRequest): Promise<void> {
    await manager.query(
      `UPDATE approval_request SET status = $2, decided_by = $3, decided_at = $4, comment = $5 WHERE id = $1`,
      [a.id, a.status, a.decidedBy ?? null, a.decidedAt ?? null, a.comment ?? null],
    );
  }

  /** One request of a court; `lock` holds it until the transaction ends. */
  async find(
    manager: EntityManager,
    courtCode: string,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ApprovalRequest | null> {
    const rows = await manager.query<ApprovalRow[]>(
      `SELECT ${COLUMNS} FROM approval_request WHERE id = $1 AND court_code = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
      [id, courtCode],
    );
    return rows[0] ? toApproval(rows[0]) : null;
  }

  async findMany(manager: EntityManager, ids: readonly string[]): Promise<ApprovalRequest[]> {
    if (!ids.length) return [];
    const rows = await manager.query<ApprovalRow[]>(
      `SELECT ${COLUMNS} FROM approval_request WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toApproval);
  }

  async list(
    manager: EntityManager,
    filter: ApprovalFilter,
  ): Promise<{ items: ApprovalRequest[]; total: number }> {
    const where = ['court_code = $1'];
    const params: unknown[] = [filter.courtCode];
    const add = (condition: (n: string) => string, value: unknown): void => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filter.caseId) add((p) => `case_id = ${p}`, filter.caseId);
    if (filter.roles) add((p) => `required_role = ANY(${p}::text[])`, filter.roles);
    if (filter.notRequestedBy) add((p) => `requested_by <> ${p}`, filter.notRequestedBy);
    if (filter.status) add((p) => `status = ${p}`, filter.status);
    const [count] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM approval_request WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await manager.query<ApprovalRow[]>(
      `SELECT ${COLUMNS} FROM approval_request WHERE ${where.join(' AND ')}
       ORDER BY requested_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items: rows.map(toApproval), total: count?.n ?? 0 };
  }
}
