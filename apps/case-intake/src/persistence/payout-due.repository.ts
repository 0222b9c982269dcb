import type { EntityManager } from 'typeorm';
import type { AlertCandidate } from '../domain/supervision-alerts.js';
import type { PayoutDue } from '../domain/payout-alerts.js';

/** A receipt due to be paid out, and the case alert (by key) it is shown under. */
export interface OpenPayoutDue extends PayoutDue {
  alertKey: string;
}

interface DueRow {
  receipt_id: string;
  alert_key: string;
  received_on: string;
  deadline: string;
  unpaid_fen: string;
  paid_when_fen: string;
}

/** A case alert as a payout alert needs it: whether it is open. */
export interface AlertRow {
  id: string;
  message: string;
  resolvedAt: Date | null;
}

const dueOf = (r: DueRow): OpenPayoutDue => ({
  receiptId: r.receipt_id,
  alertKey: r.alert_key,
  receivedOn: r.received_on,
  deadline: r.deadline,
  unpaidFen: Number(r.unpaid_fen),
  paidWhenFen: Number(r.paid_when_fen),
});

/** The receipts of cases due to be paid out (case_payout_due) and their alerts (case_alert); no rules here. */
export class PayoutDueRepository {
  /** The case's receipts not yet paid out, in the ledger's order of payment. */
  async open(manager: EntityManager, caseId: string): Promise<OpenPayoutDue[]> {
    const rows = await manager.query<DueRow[]>(
      `SELECT receipt_id, alert_key, received_on::text AS received_on, deadline::text AS deadline,
              unpaid_fen::text, paid_when_fen::text
         FROM case_payout_due WHERE case_id = $1 AND settled_at IS NULL ORDER BY received_on, receipt_id`,
      [caseId],
    );
    return rows.map(dueOf);
  }

  /** False when the receipt was heard of before (due, or reversed). */
  async insert(manager: EntityManager, caseId: string, due: OpenPayoutDue, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO case_payout_due (receipt_id, case_id, alert_key, received_on, deadline, unpaid_fen,
                                    paid_when_fen, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (receipt_id) DO NOTHING RETURNING receipt_id`,
      [due.receiptId, caseId, due.alertKey, due.receivedOn, due.deadline, due.unpaidFen, due.paidWhenFen, at],
    );
    return rows.length > 0;
  }

  /** Moves the open receipts paid after `from` by `deltaFen` (a receipt placed before them, or taken back). */
  async shiftAfter(
    manager: EntityManager,
    caseId: string,
    from: { receivedOn: string; receiptId: string },
    deltaFen: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE case_payout_due SET paid_when_fen = paid_when_fen + $4
        WHERE case_id = $1 AND settled_at IS NULL AND (received_on, receipt_id) > ($2::date, $3)`,
      [caseId, from.receivedOn, from.receiptId, deltaFen],
    );
  }

  /** Settles the open receipts the case's disbursements have reached. */
  async settlePaidOut(manager: EntityManager, caseId: string, disbursedFen: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE case_payout_due SET settled_at = $3, settled_how = 'PAID_OUT'
        WHERE case_id = $1 AND settled_at IS NULL AND paid_when_fen <= $2`,
      [caseId, disbursedFen, at],
    );
  }

  /**
   * A receipt the ledger reversed: settled if it was due (returned as it stood), else kept with no figures
   * so that a due-soon heard later raises nothing (null).
   */
  async settleReversed(
    manager: EntityManager,
    caseId: string,
    receiptId: string,
    at: Date,
  ): Promise<OpenPayoutDue | null> {
    // an UPDATE answers [rows, count]
    const [settled] = await manager.query<[DueRow[], number]>(
      `UPDATE case_payout_due SET settled_at = $3, settled_how = 'REVERSED'
        WHERE receipt_id = $1 AND case_id = $2 AND settled_at IS NULL
       RETURNING receipt_id, alert_key, received_on::text AS received_on, deadline::text AS deadline,
                 unpaid_fen::text, paid_when_fen::text`,
      [receiptId, caseId, at],
    );
    if (settled[0]) return dueOf(settled[0]);
    await manager.query(
      `INSERT INTO case_payout_due (receipt_id, case_id, settled_at, settled_how) VALUES ($1, $2, $3, 'REVERSED')
       ON CONFLICT (receipt_id) DO NOTHING`,
      [receiptId, caseId, at],
    );
    return null;
  }

  async alert(manager: EntityManager, key: string): Promise<AlertRow | null> {
    const rows = await manager.query<{ id: string; message: string; resolved_at: Date | null }[]>(
      `SELECT id, message, resolved_at FROM case_alert WHERE alert_key = $1`,
      [key],
    );
    return rows[0] ? { id: rows[0].id, message: rows[0].message, resolvedAt: rows[0].resolved_at } : null;
  }

  async insertAlert(manager: EntityManager, id: string, a: AlertCandidate, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO case_alert (id, alert_key, kind, court_code, case_id, case_number, officer_id, due_on, message, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, a.key, a.kind, a.courtCode, a.caseId, a.caseNumber, a.officerId ?? null, a.dueOn, a.message, at],
    );
  }

  /** Opens the alert again (raised anew) or keeps it open, with the message as it now reads. */
  async openAlert(manager: EntityManager, a: AlertCandidate, reraisedAt: Date | null): Promise<void> {
    await manager.query(
      `UPDATE case_alert SET message = $2, officer_id = $3, resolved_at = NULL, raised_at = coalesce($4, raised_at)
        WHERE alert_key = $1`,
      [a.key, a.message, a.officerId ?? null, reraisedAt],
    );
  }

  async resolveAlert(manager: EntityManager, key: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE case_alert SET resolved_at = $2 WHERE alert_key = $1 AND resolved_at IS NULL`,
      [key, at],
    );
  }
}
