import type { ApprovalStatus, Fen, SuspensionReason } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { ControlApprovalRule } from '../domain/control-approval.js';
import type { ActionStatus } from './control.repository.js';

/** A control order waiting for (or decided by) the director, with its order and control as asked. */
export interface ControlApprovalRecord {
  id: string;
  actionId: string;
  controlId: string;
  caseId: string;
  courtCode: string;
  rule: ControlApprovalRule;
  summary: string;
  controlledFen: Fen;
  status: ApprovalStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

/** The approval joined with its order, its control and its case, for the lists. */
export interface ControlApprovalRow extends ControlApprovalRecord {
  caseNumber: string;
  action: 'RELEASE' | 'DEDUCT';
  amountFen: Fen | null;
  reason: string | null;
  orderStatus: ActionStatus;
  agencyNote: string | null;
  controlKind: string;
  agencyKind: string;
  identifier: string;
  description: string;
}

/** What asset-control keeps of a case's state beyond its money: how it was closed, whether it stands still. */
export interface CaseState {
  releaseOnClose: boolean;
  suspendedSince: string | null;
  suspensionReason: SuspensionReason | null;
}

export interface HandOver {
  controlId: string;
  caseId: string;
  requestKey: string;
  handedAt: Date;
  handedBy: string;
  handedByName: string;
}

type Row = Record<string, unknown>;
/** For UPDATE … RETURNING, TypeORM's postgres driver answers [rows, affected]. */
type Returning = [Row[], number];

const APPROVAL_COLUMNS = `p.id, p.action_id, p.control_id, p.case_id, p.court_code, p.rule, p.summary,
  p.controlled_fen::text, p.status, p.requested_by, p.requested_by_name, p.requested_at, p.decided_by,
  p.decided_by_name, p.decided_at, p.comment`;

function approvalOf(r: Row): ControlApprovalRecord {
  return {
    id: r['id'] as string,
    actionId: r['action_id'] as string,
    controlId: r['control_id'] as string,
    caseId: r['case_id'] as string,
    courtCode: r['court_code'] as string,
    rule: r['rule'] as ControlApprovalRule,
    summary: r['summary'] as string,
    controlledFen: Number(r['controlled_fen']),
    status: r['status'] as ApprovalStatus,
    requestedBy: r['requested_by'] as string,
    requestedByName: r['requested_by_name'] as string,
    requestedAt: new Date(r['requested_at'] as string),
    decidedBy: r['decided_by'] as string | null,
    decidedByName: r['decided_by_name'] as string | null,
    decidedAt: r['decided_at'] ? new Date(r['decided_at'] as string) : null,
    comment: r['comment'] as string | null,
  };
}

function rowOf(r: Row): ControlApprovalRow {
  return {
    ...approvalOf(r),
    caseNumber: r['case_number'] as string,
    action: r['action'] as 'RELEASE' | 'DEDUCT',
    amountFen: r['amount_fen'] === null ? null : Number(r['amount_fen']),
    reason: r['reason'] as string | null,
    orderStatus: r['order_status'] as ActionStatus,
    agencyNote: r['agency_note'] as string | null,
    controlKind: r['kind'] as string,
    agencyKind: r['agency_kind'] as string,
    identifier: r['identifier'] as string,
    description: r['description'] as string,
  };
}

const JOINED = `SELECT ${APPROVAL_COLUMNS}, k.case_number, a.action, a.amount_fen::text, a.reason,
    a.status AS order_status, a.agency_note, c.kind, c.agency_kind, c.identifier, c.description
  FROM control_approval p
  JOIN control_action a ON a.id = p.action_id
  JOIN asset_control c ON c.id = p.control_id
  JOIN control_case k ON k.case_id = p.case_id`;

/** Reads and writes the director's approvals of control orders, a case's state and hand-overs; no rules. */
export class ControlApprovalRepository {
  async insert(manager: EntityManager, a: ControlApprovalRecord): Promise<void> {
    await manager.query(
      `INSERT INTO control_approval (id, action_id, control_id, case_id, court_code, rule, summary, controlled_fen,
         status, requested_by, requested_by_name, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        a.id,
        a.actionId,
        a.controlId,
        a.caseId,
        a.courtCode,
        a.rule,
        a.summary,
        a.controlledFen,
        a.status,
        a.requestedBy,
        a.requestedByName,
        a.requestedAt.toISOString(),
      ],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ControlApprovalRecord | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${APPROVAL_COLUMNS} FROM control_approval p WHERE p.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? approvalOf(rows[0]) : null;
  }

  async findRow(manager: EntityManager, id: string): Promise<ControlApprovalRow | null> {
    const rows = await manager.query<Row[]>(`${JOINED} WHERE p.id = $1`, [id]);
    return rows[0] ? rowOf(rows[0]) : null;
  }

  async findByAction(manager: EntityManager, actionId: string): Promise<ControlApprovalRecord | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${APPROVAL_COLUMNS} FROM control_approval p WHERE p.action_id = $1`,
      [actionId],
    );
    return rows[0] ? approvalOf(rows[0]) : null;
  }

  /** The court's approvals, newest first: of one status, of one case, or both. */
  async list(
    manager: EntityManager,
    courtCode: string,
    filter: { status?: ApprovalStatus; caseId?: string },
  ): Promise<ControlApprovalRow[]> {
    const rows = await manager.query<Row[]>(
      `${JOINED} WHERE p.court_code = $1 AND ($2::text IS NULL OR p.status = $2)
          AND ($3::uuid IS NULL OR p.case_id = $3)
        ORDER BY p.requested_at DESC, p.id LIMIT 500`,
      [courtCode, filter.status ?? null, filter.caseId ?? null],
    );
    return rows.map(rowOf);
  }

  /** The pending approvals of a case's controls, for the controls' views (待审批). */
  async pendingOfCase(manager: EntityManager, caseId: string): Promise<ControlApprovalRow[]> {
    const rows = await manager.query<Row[]>(
      `${JOINED} WHERE p.case_id = $1 AND p.status = 'PENDING' ORDER BY p.requested_at`,
      [caseId],
    );
    return rows.map(rowOf);
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: ApprovalStatus; by: string; byName: string; at: Date; comment: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE control_approval SET status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5,
         comment = $6 WHERE id = $1`,
      [id, decision.status, decision.by, decision.byName, decision.at.toISOString(), decision.comment],
    );
  }

  /** Locks a case's pending approvals (to withdraw them when the case closes). */
  async lockPendingOfCase(manager: EntityManager, caseId: string): Promise<ControlApprovalRecord[]> {
    const rows = await manager.query<Row[]>(
      `SELECT ${APPROVAL_COLUMNS} FROM control_approval p WHERE p.case_id = $1 AND p.status = 'PENDING'
        ORDER BY p.requested_at FOR UPDATE`,
      [caseId],
    );
    return rows.map(approvalOf);
  }

  /** Moves an order between the states the approval step adds (AWAITING_APPROVAL → PENDING or REJECTED). */
  async setActionStatus(manager: EntityManager, actionId: string, status: ActionStatus, note?: string) {
    await manager.query(
      `UPDATE control_action SET status = $2, agency_note = coalesce($3, agency_note) WHERE id = $1`,
      [actionId, status, note ?? null],
    );
  }

  async caseState(manager: EntityManager, caseId: string): Promise<CaseState | null> {
    const rows = await manager.query<Row[]>(
      `SELECT release_on_close, suspended_since::text, suspension_reason FROM control_case WHERE case_id = $1`,
      [caseId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      releaseOnClose: r['release_on_close'] as boolean,
      suspendedSince: r['suspended_since'] as string | null,
      suspensionReason: r['suspension_reason'] as SuspensionReason | null,
    };
  }

  async markReleaseOnClose(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`UPDATE control_case SET release_on_close = true WHERE case_id = $1`, [caseId]);
  }

  /** False when nothing changed (the case is unknown here, or already in that state). */
  async setSuspension(
    manager: EntityManager,
    caseId: string,
    suspension: { since: string; reason: SuspensionReason } | null,
  ): Promise<boolean> {
    const [rows] = await manager.query<Returning>(
      `UPDATE control_case SET suspended_since = $2, suspension_reason = $3
        WHERE case_id = $1 AND suspension_reason IS DISTINCT FROM $3 RETURNING case_id`,
      [caseId, suspension?.since ?? null, suspension?.reason ?? null],
    );
    return rows.length > 0;
  }

  /** Records the hand-over unless the control was handed over before; true when this one counts. */
  async insertHandOver(manager: EntityManager, h: HandOver): Promise<boolean> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO control_hand_over (control_id, case_id, request_key, handed_at, handed_by, handed_by_name)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (control_id) DO NOTHING RETURNING control_id`,
      [h.controlId, h.caseId, h.requestKey, h.handedAt.toISOString(), h.handedBy, h.handedByName],
    );
    return rows.length > 0;
  }

  async handOversOfCase(manager: EntityManager, caseId: string): Promise<HandOver[]> {
    const rows = await manager.query<Row[]>(
      `SELECT control_id, case_id, request_key, handed_at, handed_by, handed_by_name
         FROM control_hand_over WHERE case_id = $1`,
      [caseId],
    );
    return rows.map((r) => ({
      controlId: r['control_id'] as string,
      caseId: r['case_id'] as string,
      requestKey: r['request_key'] as string,
      handedAt: new Date(r['handed_at'] as string),
      handedBy: r['handed_by'] as string,
      handedByName: r['handed_by_name'] as string,
    }));
  }

  /** The value the inquiry reported for a found asset, when it is an estimate or a balance (not NONE). */
  async foundValue(manager: EntityManager, assetId: string): Promise<Fen | null> {
    const rows = await manager.query<Row[]>(
      `SELECT value_kind, amount_fen::text FROM found_asset WHERE id = $1`,
      [assetId],
    );
    const r = rows[0];
    if (!r || r['value_kind'] === 'NONE') return null;
    return Number(r['amount_fen']);
  }
}
