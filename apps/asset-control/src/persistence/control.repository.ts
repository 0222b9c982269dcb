import type { AgencyKind, AssetClass, ControlEndReason, ControlStatus, Fen } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import { recoveredFen } from '../domain/control-limit.js';
import type { HoldKind } from '../domain/control-order.js';

/** The case as asset-control knows it for controls: whose court, what is claimed, what came in. */
export interface ControlCase {
  caseId: string;
  caseNumber: string;
  courtCode: string;
  claimFen: Fen;
  costsFen: Fen;
  /** what came in, each fen once (control-limit.ts `recoveredFen`) */
  recoveredFen: Fen;
  /** confirmed deductions, and the ledger's receipts in total and from deductions */
  deductedFen: Fen;
  ledgerReceivedFen: Fen;
  ledgerDeductedFen: Fen;
  closedOn: string | null;
  /** the day the ledger reported the claim paid in full */
  fullyPaidOn: string | null;
  /** for a 执保 case: the execution case its controls were carried into (保全转执行) */
  carriedIntoCaseId: string | null;
}

/** A case as `case.registered` (or case-intake, for a case registered before controls) describes it. */
export type NewControlCase = Pick<
  ControlCase,
  'caseId' | 'caseNumber' | 'courtCode' | 'claimFen' | 'costsFen'
>;

/** A fund-ledger receipt of a case (`ledger.money.received`). */
export interface LedgerReceipt {
  receiptId: string;
  caseId: string;
  amountFen: Fen;
  source: string;
  receivedOn: string;
  totalReceivedFen: Fen;
}

/** A fund-ledger reversal (冲正) of a case's receipt (`ledger.money.reversed`). */
export interface LedgerReversal {
  reversalId: string;
  receiptId: string;
  caseId: string;
  amountFen: Fen;
  reversedOn: string;
  totalReceivedFen: Fen;
}

export interface Control {
  id: string;
  caseId: string;
  courtCode: string;
  requestKey: string;
  kind: HoldKind;
  agencyKind: AgencyKind;
  /** what the law treated the record as when ordered (the catalog's class of its kind then) */
  assetClass: AssetClass;
  assetId: string | null;
  respondentIdNumber: string;
  holder: string;
  identifier: string;
  description: string;
  requestedFen: Fen;
  amountFen: Fen;
  deductedFen: Fen;
  status: ControlStatus;
  termMonths: number;
  effectiveOn: string | null;
  expiresOn: string | null;
  renewals: number;
  queuedBehind: string | null;
  agencyNote: string | null;
  note: string | null;
  orderedAt: Date;
  endedOn: string | null;
  endReason: ControlEndReason | null;
  /** 保全转执行: the 执保 case the control was carried from */
  carriedFromCaseId?: string | null;
}

export type ActionKind = 'RENEW' | 'RELEASE' | 'DEDUCT';
/** AWAITING_APPROVAL: held for the director (审批), not sent; REJECTED: the director said no, never sent. */
export type ActionStatus = 'AWAITING_APPROVAL' | 'PENDING' | 'DONE' | 'REFUSED' | 'FAILED' | 'REJECTED';

export interface ControlAction {
  id: string;
  controlId: string;
  caseId: string;
  requestKey: string;
  action: ActionKind;
  status: ActionStatus;
  amountFen: Fen | null;
  termMonths: number | null;
  reason: string | null;
}

/** A found asset of the inquiry, as a control's target. */
export interface FoundTarget {
  assetId: string;
  agencyKind: AgencyKind;
  respondentIdNumber: string;
  holder: string;
  identifier: string;
  description: string;
  valueFen: Fen;
}

const ACTION_COLUMNS = `id, control_id, case_id, request_key, action, status, amount_fen::text, term_months, reason`;

const CONTROL_COLUMNS = `id, case_id, court_code, request_key, kind, agency_kind, asset_class, asset_id, respondent_id_number, holder,
  identifier, description, requested_fen::text, amount_fen::text, deducted_fen::text, status, term_months,
  effective_on::text, expires_on::text, renewals, queued_behind, agency_note, note, ordered_at, ended_on::text,
  end_reason, carried_from_case_id`;

type Row = Record<string, unknown>;

function controlOf(r: Row): Control {
  return {
    id: r['id'] as string,
    caseId: r['case_id'] as string,
    courtCode: r['court_code'] as string,
    requestKey: r['request_key'] as string,
    kind: r['kind'] as HoldKind,
    agencyKind: r['agency_kind'] as AgencyKind,
    assetClass: r['asset_class'] as AssetClass,
    assetId: r['asset_id'] as string | null,
    respondentIdNumber: r['respondent_id_number'] as string,
    holder: r['holder'] as string,
    identifier: r['identifier'] as string,
    description: r['description'] as string,
    requestedFen: Number(r['requested_fen']),
    amountFen: Number(r['amount_fen']),
    deductedFen: Number(r['deducted_fen']),
    status: r['status'] as ControlStatus,
    termMonths: r['term_months'] as number,
    effectiveOn: r['effective_on'] as string | null,
    expiresOn: r['expires_on'] as string | null,
    renewals: r['renewals'] as number,
    queuedBehind: r['queued_behind'] as string | null,
    agencyNote: r['agency_note'] as string | null,
    note: r['note'] as string | null,
    orderedAt: new Date(r['ordered_at'] as string),
    endedOn: r['ended_on'] as string | null,
    endReason: r['end_reason'] as ControlEndReason | null,
    carriedFromCaseId: (r['carried_from_case_id'] as string | null | undefined) ?? null,
  };
}

function actionOf(r: Row): ControlAction {
  return {
    id: r['id'] as string,
    controlId: r['control_id'] as string,
    caseId: r['case_id'] as string,
    requestKey: r['request_key'] as string,
    action: r['action'] as ActionKind,
    status: r['status'] as ActionStatus,
    amountFen: r['amount_fen'] === null ? null : Number(r['amount_fen']),
    termMonths: r['term_months'] as number | null,
    reason: r['reason'] as string | null,
  };
}

/** For UPDATE … RETURNING, TypeORM's postgres driver answers [rows, affected]. */
type Returning = [Row[], number];

/** Reads and writes control cases, controls and their follow-up orders; no rules here. */
export class ControlRepository {
  /** Idempotent: a case registered twice keeps its first record. */
  async insertCase(manager: EntityManager, c: NewControlCase, now: Date): Promise<boolean> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO control_case (case_id, case_number, court_code, claim_fen, costs_fen, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [c.caseId, c.caseNumber, c.courtCode, c.claimFen, c.costsFen, now.toISOString()],
    );
    return rows.length > 0;
  }

  async findCase(manager: EntityManager, caseId: string, lock = false): Promise<ControlCase | null> {
    const rows = await manager.query<Row[]>(
      `SELECT case_id, case_number, court_code, claim_fen::text, costs_fen::text, deducted_fen::text,
              ledger_received_fen::text, ledger_deducted_fen::text, closed_on::text, fully_paid_on::text,
              carried_into_case_id
         FROM control_case WHERE case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    const r = rows[0];
    if (!r) return null;
    const counts = {
      deductedFen: Number(r['deducted_fen']),
      ledgerReceivedFen: Number(r['ledger_received_fen']),
      ledgerDeductedFen: Number(r['ledger_deducted_fen']),
    };
    return {
      caseId: r['case_id'] as string,
      caseNumber: r['case_number'] as string,
      courtCode: r['court_code'] as string,
      claimFen: Number(r['claim_fen']),
      costsFen: Number(r['costs_fen']),
      recoveredFen: recoveredFen(counts),
      ...counts,
      closedOn: r['closed_on'] as string | null,
      fullyPaidOn: r['fully_paid_on'] as string | null,
      carriedIntoCaseId: r['carried_into_case_id'] as string | null,
    };
  }

  /** False when the case was closed already (a redelivered closure of another event id). */
  async closeCase(manager: EntityManager, caseId: string, closedOn: string): Promise<boolean> {
    const [rows] = await manager.query<Returning>(
      `UPDATE control_case SET closed_on = $2 WHERE case_id = $1 AND closed_on IS NULL RETURNING case_id`,
      [caseId, closedOn],
    );
    return rows.length > 0;
  }

  /** A deduction the agency confirmed (counted until the ledger books it, see `recoveredFen`). */
  async addDeducted(manager: EntityManager, caseId: string, amountFen: Fen): Promise<void> {
    await manager.query(`UPDATE control_case SET deducted_fen = deducted_fen + $2 WHERE case_id = $1`, [
      caseId,
      amountFen,
    ]);
  }

  /**
   * Counts a ledger receipt once by its receipt id: the ledger's running total rises with receipts (a late
   * delivery of an older receipt carries a smaller total), and deductions are summed apart. False when
   * the receipt was counted before. A receipt of a case without a record yet is kept for its backfill;
   * one delivered after its reversal is kept and not counted (the reversal's total is later than it).
   */
  async recordLedgerReceipt(manager: EntityManager, receipt: LedgerReceipt, now: Date): Promise<boolean> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO control_ledger_receipt (receipt_id, case_id, amount_fen, source, received_on,
         total_received_fen, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
      [
        receipt.receiptId,
        receipt.caseId,
        receipt.amountFen,
        receipt.source,
        receipt.receivedOn,
        receipt.totalReceivedFen,
        now,
      ],
    );
    if (!rows.length) return false;
    await manager.query(
      `UPDATE control_case SET ledger_received_fen = GREATEST(ledger_received_fen, $2),
         ledger_deducted_fen = ledger_deducted_fen + $3
       WHERE case_id = $1 AND NOT EXISTS (SELECT 1 FROM control_ledger_reversal WHERE receipt_id = $4)`,
      [
        receipt.caseId,
        receipt.totalReceivedFen,
        receipt.source === 'DEDUCTION' ? receipt.amountFen : 0,
        receipt.receiptId,
      ],
    );
    return true;
  }

  /**
   * Counts a ledger reversal once by its id, the mirror of a receipt: the ledger's total falls to what the
   * reversal reports (never rises by it), and a reversed deduction leaves the ledger's deductions — the
   * deduction asset-control confirmed counts again as not booked, as it did before the ledger booked it.
   * False when the reversal was counted before. Kept, like receipts, for a case without a record yet.
   */
  async recordLedgerReversal(manager: EntityManager, reversal: LedgerReversal, now: Date): Promise<boolean> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO control_ledger_reversal (reversal_id, receipt_id, case_id, amount_fen, total_received_fen,
         reversed_on, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING reversal_id`,
      [
        reversal.reversalId,
        reversal.receiptId,
        reversal.caseId,
        reversal.amountFen,
        reversal.totalReceivedFen,
        reversal.reversedOn,
        now,
      ],
    );
    if (!rows.length) return false;
    await manager.query(
      `UPDATE control_case SET ledger_received_fen = LEAST(ledger_received_fen, $2),
         ledger_deducted_fen = GREATEST(0, ledger_deducted_fen - coalesce(
           (SELECT amount_fen FROM control_ledger_receipt WHERE receipt_id = $3 AND source = 'DEDUCTION'), 0))
       WHERE case_id = $1`,
      [reversal.caseId, reversal.totalReceivedFen, reversal.receiptId],
    );
    return true;
  }

  /**
   * Counts the ledger receipts and reversals kept for a case before it had a record (a backfilled case):
   * the receipts not reversed, then the reversals, as if they came last.
   */
  async countKeptReceipts(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      `UPDATE control_case SET
         ledger_received_fen = LEAST(
           GREATEST(ledger_received_fen,
             (SELECT coalesce(max(r.total_received_fen), 0) FROM control_ledger_receipt r
               WHERE r.case_id = $1
                 AND NOT EXISTS (SELECT 1 FROM control_ledger_reversal v WHERE v.receipt_id = r.receipt_id))),
           (SELECT min(v.total_received_fen) FROM control_ledger_reversal v WHERE v.case_id = $1)),
         ledger_deducted_fen = (SELECT coalesce(sum(r.amount_fen), 0) FROM control_ledger_receipt r
                                 WHERE r.case_id = $1 AND r.source = 'DEDUCTION'
                                   AND NOT EXISTS (SELECT 1 FROM control_ledger_reversal v
                                                    WHERE v.receipt_id = r.receipt_id))
       WHERE case_id = $1`,
      [caseId],
    );
  }

  /** False when the claim was reported paid before. */
  async markFullyPaid(manager: EntityManager, caseId: string, paidOn: string): Promise<boolean> {
    const [rows] = await manager.query<Returning>(
      `UPDATE control_case SET fully_paid_on = $2 WHERE case_id = $1 AND fully_paid_on IS NULL RETURNING case_id`,
      [caseId, paidOn],
    );
    return rows.length > 0;
  }

  /**
   * 保全转执行: the 执保 case's controls in force and in line become the execution case's, unchanged but
   * for the case they belong to (and their follow-up orders with them). False, moving nothing, when the
   * 执保 case was carried over before.
   */
  async carryControls(
    manager: EntityManager,
    fromCaseId: string,
    toCaseId: string,
  ): Promise<{ carried: boolean; controls: Control[] }> {
    const [marked] = await manager.query<Returning>(
      `UPDATE control_case SET carried_into_case_id = $2
        WHERE case_id = $1 AND carried_into_case_id IS NULL RETURNING case_id`,
      [fromCaseId, toCaseId],
    );
    if (!marked.length) return { carried: false, controls: [] };
    const [moved] = await manager.query<Returning>(
      `UPDATE asset_control SET case_id = $2, carried_from_case_id = $1
        WHERE case_id = $1 AND status IN ('QUEUED', 'EFFECTIVE') RETURNING ${CONTROL_COLUMNS}`,
      [fromCaseId, toCaseId],
    );
    const controls = moved.map(controlOf);
    if (controls.length) {
      await manager.query(`UPDATE control_action SET case_id = $2 WHERE control_id = ANY($1::uuid[])`, [
        controls.map((c) => c.id),
        toCaseId,
      ]);
    }
    return { carried: true, controls };
  }

  async findFoundAsset(manager: EntityManager, caseId: string, assetId: string): Promise<FoundTarget | null> {
    const rows = await manager.query<Row[]>(
      `SELECT id, kind, respondent_id_number, holder, identifier, description, amount_fen::text
         FROM found_asset WHERE case_id = $1 AND id = $2`,
      [caseId, assetId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      assetId: r['id'] as string,
      agencyKind: r['kind'] as AgencyKind,
      respondentIdNumber: r['respondent_id_number'] as string,
      holder: r['holder'] as string,
      identifier: r['identifier'] as string,
      description: r['description'] as string,
      valueFen: Number(r['amount_fen']),
    };
  }

  /** What the case's pending, queued and effective controls come to. */
  async controlledFen(manager: EntityManager, caseId: string): Promise<Fen> {
    const [row] = await manager.query<Row[]>(
      `SELECT coalesce(sum(amount_fen), 0)::text AS total FROM asset_control
        WHERE case_id = $1 AND status IN ('PENDING', 'QUEUED', 'EFFECTIVE')`,
      [caseId],
    );
    return Number(row?.['total'] ?? 0);
  }

  async findLiveOn(
    manager: EntityManager,
    key: { caseId: string; agencyKind: AgencyKind; identifier: string; kind: HoldKind },
  ): Promise<Control | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${CONTROL_COLUMNS} FROM asset_control
        WHERE case_id = $1 AND agency_kind = $2 AND identifier = $3 AND kind = $4
          AND status IN ('PENDING', 'QUEUED', 'EFFECTIVE')`,
      [key.caseId, key.agencyKind, key.identifier, key.kind],
    );
    return rows[0] ? controlOf(rows[0]) : null;
  }

  async insertControl(manager: EntityManager, c: Control): Promise<void> {
    await manager.query(
      `INSERT INTO asset_control (id, case_id, court_code, request_key, kind, agency_kind, asset_id,
         respondent_id_number, holder, identifier, description, requested_fen, amount_fen, status, term_months,
         note, ordered_at, asset_class)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        c.id,
        c.caseId,
        c.courtCode,
        c.requestKey,
        c.kind,
        c.agencyKind,
        c.assetId,
        c.respondentIdNumber,
        c.holder,
        c.identifier,
        c.description,
        c.requestedFen,
        c.amountFen,
        c.status,
        c.termMonths,
        c.note,
        c.orderedAt.toISOString(),
        c.assetClass,
      ],
    );
  }

  async findControl(manager: EntityManager, id: string, lock = false): Promise<Control | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${CONTROL_COLUMNS} FROM asset_control WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? controlOf(rows[0]) : null;
  }

  async findByRequestKey(
    manager: EntityManager,
    caseId: string,
    requestKey: string,
  ): Promise<Control | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${CONTROL_COLUMNS} FROM asset_control WHERE case_id = $1 AND request_key = $2`,
      [caseId, requestKey],
    );
    return rows[0] ? controlOf(rows[0]) : null;
  }

  /** Writes the changed state of a control (everything an agency's answer or a sweep can change). */
  async saveControl(manager: EntityManager, c: Control, confirmedAt?: Date): Promise<void> {
    await manager.query(
      `UPDATE asset_control SET status = $2, amount_fen = $3, deducted_fen = $4, effective_on = $5,
         expires_on = $6, renewals = $7, queued_behind = $8, agency_note = $9, ended_on = $10, end_reason = $11,
         confirmed_at = coalesce($12, confirmed_at)
       WHERE id = $1`,
      [
        c.id,
        c.status,
        c.amountFen,
        c.deductedFen,
        c.effectiveOn,
        c.expiresOn,
        c.renewals,
        c.queuedBehind,
        c.agencyNote,
        c.endedOn,
        c.endReason,
        confirmedAt?.toISOString() ?? null,
      ],
    );
  }

  controlsOfCase(manager: EntityManager, caseId: string): Promise<Control[]> {
    return manager
      .query<Row[]>(
        `SELECT ${CONTROL_COLUMNS} FROM asset_control WHERE case_id = $1 ORDER BY ordered_at, id`,
        [caseId],
      )
      .then((rows) => rows.map(controlOf));
  }

  /** The court's controls in force whose last day is on or before `until`, soonest first. */
  async expiring(
    manager: EntityManager,
    courtCode: string,
    until: string,
  ): Promise<(Control & { caseNumber: string })[]> {
    const rows = await manager.query<Row[]>(
      `SELECT x.*, k.case_number FROM (
         SELECT ${CONTROL_COLUMNS} FROM asset_control
          WHERE court_code = $1 AND status = 'EFFECTIVE' AND expires_on <= $2) x
         JOIN control_case k ON k.case_id = x.case_id
        ORDER BY x.expires_on, x.ordered_at`,
      [courtCode, until],
    );
    return rows.map((r) => ({ ...controlOf(r), caseNumber: r['case_number'] as string }));
  }

  /** Locks the controls in force past their last day, skipping those another sweep holds. */
  async lockLapsed(manager: EntityManager, today: string, courtCode?: string): Promise<Control[]> {
    const rows = await manager.query<Row[]>(
      `SELECT ${CONTROL_COLUMNS} FROM asset_control
        WHERE status = 'EFFECTIVE' AND expires_on < $1 AND ($2::text IS NULL OR court_code = $2)
        ORDER BY expires_on LIMIT 500 FOR UPDATE SKIP LOCKED`,
      [today, courtCode ?? null],
    );
    return rows.map(controlOf);
  }

  async queuedIds(manager: EntityManager, courtCode?: string): Promise<string[]> {
    const rows = await manager.query<Row[]>(
      `SELECT id FROM asset_control WHERE status = 'QUEUED' AND ($1::text IS NULL OR court_code = $1)
        ORDER BY ordered_at LIMIT 500`,
      [courtCode ?? null],
    );
    return rows.map((r) => r['id'] as string);
  }

  /** The controls the agency holds for a case (to release on closure). */
  async heldIdsOfCase(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await manager.query<Row[]>(
      `SELECT id FROM asset_control WHERE case_id = $1 AND status IN ('QUEUED', 'EFFECTIVE') ORDER BY ordered_at`,
      [caseId],
    );
    return rows.map((r) => r['id'] as string);
  }

  async insertAction(
    manager: EntityManager,
    a: Omit<ControlAction, 'status'> & { createdAt: Date },
  ): Promise<boolean> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO control_action (id, control_id, case_id, request_key, action, status, amount_fen, term_months,
         reason, created_at)
       VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8, $9) ON CONFLICT (case_id, request_key) DO NOTHING
       RETURNING id`,
      [a.id, a.controlId, a.caseId, a.requestKey, a.action, a.amountFen, a.termMonths, a.reason, a.createdAt],
    );
    return rows.length > 0;
  }

  async findAction(manager: EntityManager, id: string, lock = false): Promise<ControlAction | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${ACTION_COLUMNS} FROM control_action WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? actionOf(rows[0]) : null;
  }

  async findActionByKey(
    manager: EntityManager,
    caseId: string,
    requestKey: string,
  ): Promise<ControlAction | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${ACTION_COLUMNS} FROM control_action WHERE case_id = $1 AND request_key = $2`,
      [caseId, requestKey],
    );
    return rows[0] ? actionOf(rows[0]) : null;
  }

  async finishAction(
    manager: EntityManager,
    id: string,
    status: ActionStatus,
    agencyNote: string | null,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE control_action SET status = $2, agency_note = $3, done_at = $4 WHERE id = $1`,
      [id, status, agencyNote, status === 'FAILED' ? null : now.toISOString()],
    );
  }

  /**
   * Follow-up orders still owed to an agency — releases on closure and orders the director approved:
   * failed ones, and pending ones older than `before`.
   */
  async openActionIds(manager: EntityManager, before: Date, courtCode?: string): Promise<string[]> {
    const rows = await manager.query<Row[]>(
      `SELECT a.id FROM control_action a JOIN asset_control c ON c.id = a.control_id
        WHERE (a.status = 'FAILED' OR (a.status = 'PENDING' AND a.created_at < $1))
          AND (a.request_key LIKE 'closure:%'
               OR EXISTS (SELECT 1 FROM control_approval p WHERE p.action_id = a.id AND p.status = 'APPROVED'))
          AND ($2::text IS NULL OR c.court_code = $2)
        ORDER BY a.created_at LIMIT 500`,
      [before.toISOString(), courtCode ?? null],
    );
    return rows.map((r) => r['id'] as string);
  }
}
