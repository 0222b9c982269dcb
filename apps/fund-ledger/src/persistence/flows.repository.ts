import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PayoutStatus } from '../domain/payout.js';
import type { ClaimRank } from '../domain/distribution-plan.js';
import type { DepositStatus } from '../domain/bidder-deposit.js';

/** What the payout side keeps of a case, beside the core's row (claim, court, received). */
export interface FlowCase {
  caseId: string;
  courtCode: string;
  caseNumber: string | null;
  claimFen: number | null;
  receivedFen: number;
  applicants: { kind: string; name: string; idNumber: string }[];
  closedOn: string | null;
  paidFen: number;
  feeSettledFen: number;
  fullyPaidOn: string | null;
}

interface FlowCaseRecord {
  case_id: string;
  court_code: string;
  case_number: string | null;
  claim_fen: string | null;
  received_fen: string;
  applicants: FlowCase['applicants'];
  closed_on: string | null;
  paid_fen: string;
  fee_settled_fen: string;
  fully_paid_on: string | null;
}

const flowCaseOf = (r: FlowCaseRecord): FlowCase => ({
  caseId: r.case_id,
  courtCode: r.court_code,
  caseNumber: r.case_number,
  claimFen: r.claim_fen === null ? null : Number(r.claim_fen),
  receivedFen: Number(r.received_fen),
  applicants: r.applicants,
  closedOn: r.closed_on,
  paidFen: Number(r.paid_fen),
  feeSettledFen: Number(r.fee_settled_fen),
  fullyPaidOn: r.fully_paid_on,
});

const FLOW_CASE_COLUMNS = `case_id, court_code, case_number, claim_fen::text, received_fen::text, applicants,
  to_char(closed_on, 'YYYY-MM-DD') AS closed_on, paid_fen::text, fee_settled_fen::text,
  to_char(fully_paid_on, 'YYYY-MM-DD') AS fully_paid_on`;

export interface PayoutRow {
  id: string;
  courtCode: string;
  caseId: string;
  creditorId: string;
  creditorName: string;
  creditorAccount: string | null;
  amountFen: number;
  feeFen: number;
  planId: string | null;
  status: PayoutStatus;
  needsApproval: boolean;
  thresholdFen: number;
  memo: string | null;
  idempotencyKey: string;
  requestHash: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  comment: string | null;
  approvedTx: string | null;
  paidTx: string | null;
  paidOn: string | null;
  bankSerial: string | null;
}

interface PayoutRecord {
  id: string;
  court_code: string;
  case_id: string;
  creditor_id: string;
  creditor_name: string;
  creditor_account: string | null;
  amount_fen: string;
  fee_fen: string;
  plan_id: string | null;
  status: PayoutStatus;
  needs_approval: boolean;
  threshold_fen: string;
  memo: string | null;
  idempotency_key: string;
  request_hash: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  comment: string | null;
  approved_tx: string | null;
  paid_tx: string | null;
  paid_on: string | null;
  bank_serial: string | null;
}

const payoutOf = (r: PayoutRecord): PayoutRow => ({
  id: r.id,
  courtCode: r.court_code,
  caseId: r.case_id,
  creditorId: r.creditor_id,
  creditorName: r.creditor_name,
  creditorAccount: r.creditor_account,
  amountFen: Number(r.amount_fen),
  feeFen: Number(r.fee_fen),
  planId: r.plan_id,
  status: r.status,
  needsApproval: r.needs_approval,
  thresholdFen: Number(r.threshold_fen),
  memo: r.memo,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  comment: r.comment,
  approvedTx: r.approved_tx,
  paidTx: r.paid_tx,
  paidOn: r.paid_on,
  bankSerial: r.bank_serial,
});

const PAYOUT_COLUMNS = `id, court_code, case_id, creditor_id, creditor_name, creditor_account, amount_fen::text,
  fee_fen::text, plan_id, status, needs_approval, threshold_fen::text, memo, idempotency_key, request_hash,
  requested_by, requested_by_name, requested_at, decided_by, decided_by_name, decided_at, comment, approved_tx,
  paid_tx, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, bank_serial`;

export interface PlanRow {
  id: string;
  caseId: string;
  courtCode: string;
  revision: number;
  servedOn: string;
  amountFen: number;
  costsFen: number;
  surplusFen: number;
  superseded: boolean;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export interface AllocationRow {
  creditorId: string;
  creditorName: string;
  claimFen: number;
  rank: ClaimRank;
  order: number | null;
  allocatedFen: number;
}

export interface ObjectionRow {
  id: string;
  planId: string;
  objector: string;
  reason: string;
  filedOn: string;
  status: 'OPEN' | 'UPHELD' | 'DISMISSED';
  decision: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
}

export interface DepositRow {
  id: string;
  courtCode: string;
  caseId: string;
  lotId: string;
  bidderId: string;
  bidderName: string;
  amountFen: number;
  status: DepositStatus;
  idempotencyKey: string;
  requestHash: string;
  heldAt: Date;
  auctionEndedAt: Date | null;
  refundDueAt: Date | null;
  refundedAt: Date | null;
}

interface DepositRecord {
  id: string;
  court_code: string;
  case_id: string;
  lot_id: string;
  bidder_id: string;
  bidder_name: string;
  amount_fen: string;
  status: DepositStatus;
  idempotency_key: string;
  request_hash: string;
  held_at: Date;
  auction_ended_at: Date | null;
  refund_due_at: Date | null;
  refunded_at: Date | null;
}

const depositOf = (r: DepositRecord): DepositRow => ({
  id: r.id,
  courtCode: r.court_code,
  caseId: r.case_id,
  lotId: r.lot_id,
  bidderId: r.bidder_id,
  bidderName: r.bidder_name,
  amountFen: Number(r.amount_fen),
  status: r.status,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  heldAt: r.held_at,
  auctionEndedAt: r.auction_ended_at,
  refundDueAt: r.refund_due_at,
  refundedAt: r.refunded_at,
});

const DEPOSIT_COLUMNS = `id, court_code, case_id, lot_id, bidder_id, bidder_name, amount_fen::text, status,
  idempotency_key, request_hash, held_at, auction_ended_at, refund_due_at, refunded_at`;

/** A receipt of a case as the journal holds it: money credited to the case account, not reversed. */
export interface JournalReceipt {
  receiptId: string;
  caseId: string;
  amountFen: number;
  postedAt: Date;
  /** 到账日 as stored with the transaction (YYYY-MM-DD); null on inflows that carry none */
  valueDate: string | null;
}

/** The kinds of transaction that bring money into a case account. */
const INFLOW_KINDS = ['RECEIPT', 'SUSPENSE_MATCH', 'DEPOSIT_APPLIED', 'FORFEIT_APPLIED'];

/** Reads and writes of payouts, plans, deposits and the case figures they keep; thin, no rules. */
@Injectable()
export class FlowsRepository {
  async flowCase(manager: EntityManager, caseId: string, lock = false): Promise<FlowCase | null> {
    const rows = await manager.query<FlowCaseRecord[]>(
      `SELECT ${FLOW_CASE_COLUMNS} FROM ledger_case WHERE case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    return rows[0] ? flowCaseOf(rows[0]) : null;
  }

  async flowCasesOfCourt(manager: EntityManager, courtCode: string): Promise<FlowCase[]> {
    const rows = await manager.query<FlowCaseRecord[]>(
      `SELECT ${FLOW_CASE_COLUMNS} FROM ledger_case WHERE court_code = $1 ORDER BY case_number NULLS LAST, case_id`,
      [courtCode],
    );
    return rows.map(flowCaseOf);
  }

  /** case.registered: the case with its claim and applicants (an earlier, thinner row is filled in). */
  async registerCase(
    manager: EntityManager,
    c: {
      caseId: string;
      courtCode: string;
      caseNumber: string;
      claimFen: number;
      applicants: FlowCase['applicants'];
    },
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ledger_case (case_id, court_code, case_number, claim_fen, known_at, source, applicants)
       VALUES ($1, $2, $3, $4, $5, 'case.registered', $6::jsonb)
       ON CONFLICT (case_id) DO UPDATE
          SET case_number = coalesce(ledger_case.case_number, EXCLUDED.case_number),
              claim_fen = coalesce(ledger_case.claim_fen, EXCLUDED.claim_fen),
              applicants = CASE WHEN EXCLUDED.applicants = '[]'::jsonb THEN ledger_case.applicants
                                ELSE EXCLUDED.applicants END`,
      [c.caseId, c.courtCode, c.caseNumber, c.claimFen, at, JSON.stringify(c.applicants)],
    );
  }

  async closeCase(
    manager: EntityManager,
    caseId: string,
    closedOn: string,
    closureType: string,
  ): Promise<void> {
    await manager.query(`UPDATE ledger_case SET closed_on = $2, closure_type = $3 WHERE case_id = $1`, [
      caseId,
      closedOn,
      closureType,
    ]);
  }

  async addFeeSettled(manager: EntityManager, caseId: string, fen: number): Promise<void> {
    await manager.query(`UPDATE ledger_case SET fee_settled_fen = fee_settled_fen + $2 WHERE case_id = $1`, [
      caseId,
      fen,
    ]);
  }

  async addPaid(manager: EntityManager, caseId: string, fen: number): Promise<void> {
    await manager.query(`UPDATE ledger_case SET paid_fen = paid_fen + $2 WHERE case_id = $1`, [caseId, fen]);
  }

  async addReceived(manager: EntityManager, caseId: string, fen: number): Promise<number> {
    const rows = await manager.query<{ received_fen: string }[]>(
      `UPDATE ledger_case SET received_fen = received_fen + $2 WHERE case_id = $1 RETURNING received_fen::text`,
      [caseId, fen],
    );
    return Number(rows[0]?.received_fen ?? 0);
  }

  /** Marks the claim covered; false when it already was (the event goes out once). */
  async markFullyPaid(manager: EntityManager, caseId: string, on: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `UPDATE ledger_case SET fully_paid_on = $2 WHERE case_id = $1 AND fully_paid_on IS NULL RETURNING case_id`,
      [caseId, on],
    );
    return rows.length > 0;
  }

  // payouts

  async insertPayout(manager: EntityManager, p: PayoutRow): Promise<void> {
    await manager.query(
      `INSERT INTO payout (id, court_code, case_id, creditor_id, creditor_name, creditor_account, amount_fen, fee_fen,
         plan_id, status, needs_approval, threshold_fen, memo, idempotency_key, request_hash, requested_by,
         requested_by_name, requested_at, decided_by, decided_by_name, decided_at, comment, approved_tx)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)`,
      [
        p.id,
        p.courtCode,
        p.caseId,
        p.creditorId,
        p.creditorName,
        p.creditorAccount,
        p.amountFen,
        p.feeFen,
        p.planId,
        p.status,
        p.needsApproval,
        p.thresholdFen,
        p.memo,
        p.idempotencyKey,
        p.requestHash,
        p.requestedBy,
        p.requestedByName,
        p.requestedAt,
        p.decidedBy,
        p.decidedByName,
        p.decidedAt,
        p.comment,
        p.approvedTx,
      ],
    );
  }

  async payout(manager: EntityManager, id: string, lock = false): Promise<PayoutRow | null> {
    const rows = await manager.query<PayoutRecord[]>(
      `SELECT ${PAYOUT_COLUMNS} FROM payout WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? payoutOf(rows[0]) : null;
  }

  async payoutByKey(manager: EntityManager, key: string): Promise<PayoutRow | null> {
    const rows = await manager.query<PayoutRecord[]>(
      `SELECT ${PAYOUT_COLUMNS} FROM payout WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] ? payoutOf(rows[0]) : null;
  }

  async payouts(
    manager: EntityManager,
    courtCode: string,
    filter: { caseId?: string; status?: PayoutStatus },
  ): Promise<PayoutRow[]> {
    const rows = await manager.query<PayoutRecord[]>(
      `SELECT ${PAYOUT_COLUMNS} FROM payout
        WHERE court_code = $1 AND ($2::uuid IS NULL OR case_id = $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY requested_at DESC, id`,
      [courtCode, filter.caseId ?? null, filter.status ?? null],
    );
    return rows.map(payoutOf);
  }

  /** What waits for approval in a case: its money is spoken for. */
  async pendingOfCase(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ amountFen: number; feeFen: number }> {
    const [row] = await manager.query<{ amount: string; fee: string }[]>(
      `SELECT coalesce(sum(amount_fen), 0)::text AS amount, coalesce(sum(fee_fen), 0)::text AS fee
         FROM payout WHERE case_id = $1 AND status = 'PENDING_APPROVAL'`,
      [caseId],
    );
    return { amountFen: Number(row?.amount ?? 0), feeFen: Number(row?.fee ?? 0) };
  }

  /** Approved or paid (not rejected) under a plan, per creditor. */
  async paidUnderPlan(manager: EntityManager, planId: string): Promise<Map<string, number>> {
    const rows = await manager.query<{ creditor_id: string; fen: string }[]>(
      `SELECT creditor_id, sum(amount_fen)::text AS fen FROM payout
        WHERE plan_id = $1 AND status <> 'REJECTED' GROUP BY creditor_id`,
      [planId],
    );
    return new Map(rows.map((r) => [r.creditor_id, Number(r.fen)]));
  }

  async decidePayout(
    manager: EntityManager,
    id: string,
    d: {
      status: PayoutStatus;
      by: string;
      byName: string;
      at: Date;
      comment: string | null;
      feeFen: number;
      approvedTx: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE payout SET status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5, comment = $6,
              fee_fen = $7, approved_tx = $8 WHERE id = $1`,
      [id, d.status, d.by, d.byName, d.at, d.comment, d.feeFen, d.approvedTx],
    );
  }

  async markPaid(
    manager: EntityManager,
    id: string,
    paid: { tx: string; on: string; serial: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE payout SET status = 'PAID', paid_tx = $2, paid_on = $3, bank_serial = $4 WHERE id = $1`,
      [id, paid.tx, paid.on, paid.serial],
    );
  }

  // distribution plans

  async livePlan(manager: EntityManager, caseId: string, lock = false): Promise<PlanRow | null> {
    const rows = await manager.query<PlanRecord[]>(
      `SELECT ${PLAN_COLUMNS} FROM distribution_plan WHERE case_id = $1 AND NOT superseded ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    return rows[0] ? planOf(rows[0]) : null;
  }

  async plan(manager: EntityManager, id: string, lock = false): Promise<PlanRow | null> {
    const rows = await manager.query<PlanRecord[]>(
      `SELECT ${PLAN_COLUMNS} FROM distribution_plan WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? planOf(rows[0]) : null;
  }

  async planByKey(manager: EntityManager, key: string): Promise<PlanRow | null> {
    const rows = await manager.query<PlanRecord[]>(
      `SELECT ${PLAN_COLUMNS} FROM distribution_plan WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] ? planOf(rows[0]) : null;
  }

  async supersede(manager: EntityManager, planId: string): Promise<void> {
    await manager.query(`UPDATE distribution_plan SET superseded = true WHERE id = $1`, [planId]);
  }

  async insertPlan(
    manager: EntityManager,
    plan: PlanRow & { createdBy: string; createdAt: Date },
    allocations: readonly AllocationRow[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO distribution_plan (id, case_id, court_code, revision, served_on, amount_fen, costs_fen, surplus_fen,
         idempotency_key, request_hash, created_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        plan.id,
        plan.caseId,
        plan.courtCode,
        plan.revision,
        plan.servedOn,
        plan.amountFen,
        plan.costsFen,
        plan.surplusFen,
        plan.idempotencyKey,
        plan.requestHash,
        plan.createdBy,
        plan.createdAt,
      ],
    );
    for (const [position, a] of allocations.entries()) {
      await manager.query(
        `INSERT INTO distribution_allocation (plan_id, creditor_id, creditor_name, claim_fen, rank, rank_order,
           allocated_fen, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [plan.id, a.creditorId, a.creditorName, a.claimFen, a.rank, a.order, a.allocatedFen, position],
      );
    }
  }

  async maxRevision(manager: EntityManager, caseId: string): Promise<number> {
    const [row] = await manager.query<{ n: number | null }[]>(
      `SELECT max(revision) AS n FROM distribution_plan WHERE case_id = $1`,
      [caseId],
    );
    return row?.n ?? 0;
  }

  async allocations(manager: EntityManager, planId: string): Promise<AllocationRow[]> {
    const rows = await manager.query<
      {
        creditor_id: string;
        creditor_name: string;
        claim_fen: string;
        rank: ClaimRank;
        rank_order: number | null;
        allocated_fen: string;
      }[]
    >(
      `SELECT creditor_id, creditor_name, claim_fen::text, rank, rank_order, allocated_fen::text
         FROM distribution_allocation WHERE plan_id = $1 ORDER BY position`,
      [planId],
    );
    return rows.map((r) => ({
      creditorId: r.creditor_id,
      creditorName: r.creditor_name,
      claimFen: Number(r.claim_fen),
      rank: r.rank,
      order: r.rank_order,
      allocatedFen: Number(r.allocated_fen),
    }));
  }

  async objections(manager: EntityManager, planId: string): Promise<ObjectionRow[]> {
    const rows = await manager.query<
      {
        id: string;
        plan_id: string;
        objector: string;
        reason: string;
        filed_on: string;
        status: ObjectionRow['status'];
        decision: string | null;
        decided_on: string | null;
        decided_by: string | null;
      }[]
    >(
      `SELECT id, plan_id, objector, reason, to_char(filed_on, 'YYYY-MM-DD') AS filed_on, status, decision,
              to_char(decided_on, 'YYYY-MM-DD') AS decided_on, decided_by
         FROM distribution_objection WHERE plan_id = $1 ORDER BY filed_on, id`,
      [planId],
    );
    return rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      objector: r.objector,
      reason: r.reason,
      filedOn: r.filed_on,
      status: r.status,
      decision: r.decision,
      decidedOn: r.decided_on,
      decidedBy: r.decided_by,
    }));
  }

  async insertObjection(
    manager: EntityManager,
    o: { id: string; planId: string; objector: string; reason: string; filedOn: string; filedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO distribution_objection (id, plan_id, objector, reason, filed_on, filed_by, status)
       VALUES ($1,$2,$3,$4,$5,$6,'OPEN')`,
      [o.id, o.planId, o.objector, o.reason, o.filedOn, o.filedBy],
    );
  }

  async decideObjection(
    manager: EntityManager,
    id: string,
    d: { status: 'UPHELD' | 'DISMISSED'; decision: string; on: string; by: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE distribution_objection SET status = $2, decision = $3, decided_on = $4, decided_by = $5 WHERE id = $1`,
      [id, d.status, d.decision, d.on, d.by],
    );
  }

  // deadlines

  /** The case's receipts (money credited to its account by an inflow), reversed ones left out. */
  async receipts(
    manager: EntityManager,
    filter: { courtCode: string; caseId?: string },
  ): Promise<JournalReceipt[]> {
    const rows = await manager.query<
      { id: string; case_id: string; amount: string; posted_at: Date; value_date: string | null }[]
    >(
      `SELECT t.id, t.case_id, (-sum(e.amount_fen))::text AS amount, t.posted_at,
              to_char(t.value_date, 'YYYY-MM-DD') AS value_date
         FROM journal_transaction t
         JOIN journal_entry e ON e.transaction_id = t.id AND e.account_code = 'CASE:' || t.case_id::text
        WHERE t.court_code = $1 AND ($2::uuid IS NULL OR t.case_id = $2) AND t.kind = ANY($3::text[])
          AND NOT EXISTS (SELECT 1 FROM journal_transaction r WHERE r.corrects_id = t.id)
        GROUP BY t.id, t.case_id, t.posted_at, t.value_date
       HAVING sum(e.amount_fen) < 0
        ORDER BY coalesce(t.value_date, (t.posted_at AT TIME ZONE 'Asia/Shanghai')::date), t.posted_at, t.id`,
      [filter.courtCode, filter.caseId ?? null, INFLOW_KINDS],
    );
    return rows.map((r) => ({
      receiptId: r.id,
      caseId: r.case_id,
      amountFen: Number(r.amount),
      postedAt: r.posted_at,
      valueDate: r.value_date,
    }));
  }

  /** Records a due-soon alert; false when this receipt was alerted before. */
  async recordAlert(
    manager: EntityManager,
    a: { receiptId: string; caseId: string; courtCode: string; deadline: string; unpaidFen: number },
    at: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO payout_deadline_alert (receipt_id, case_id, court_code, deadline, unpaid_fen, alerted_at)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING RETURNING receipt_id`,
      [a.receiptId, a.caseId, a.courtCode, a.deadline, a.unpaidFen, at],
    );
    return rows.length > 0;
  }

  async courtsWithCases(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ court_code: string }[]>(`SELECT DISTINCT court_code FROM ledger_case`);
    return rows.map((r) => r.court_code);
  }

  // deposits

  async insertDeposit(manager: EntityManager, d: DepositRow): Promise<void> {
    await manager.query(
      `INSERT INTO bidder_deposit (id, court_code, case_id, lot_id, bidder_id, bidder_name, amount_fen, status,
         idempotency_key, request_hash, held_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        d.id,
        d.courtCode,
        d.caseId,
        d.lotId,
        d.bidderId,
        d.bidderName,
        d.amountFen,
        d.status,
        d.idempotencyKey,
        d.requestHash,
        d.heldAt,
      ],
    );
  }

  async deposit(manager: EntityManager, id: string, lock = false): Promise<DepositRow | null> {
    const rows = await manager.query<DepositRecord[]>(
      `SELECT ${DEPOSIT_COLUMNS} FROM bidder_deposit WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? depositOf(rows[0]) : null;
  }

  async depositByKey(manager: EntityManager, key: string): Promise<DepositRow | null> {
    const rows = await manager.query<DepositRecord[]>(
      `SELECT ${DEPOSIT_COLUMNS} FROM bidder_deposit WHERE idempotency_key = $1`,
      [key],
    );
    return rows[0] ? depositOf(rows[0]) : null;
  }

  async depositOfBidder(manager: EntityManager, lotId: string, bidderId: string): Promise<DepositRow | null> {
    const rows = await manager.query<DepositRecord[]>(
      `SELECT ${DEPOSIT_COLUMNS} FROM bidder_deposit WHERE lot_id = $1 AND bidder_id = $2`,
      [lotId, bidderId],
    );
    return rows[0] ? depositOf(rows[0]) : null;
  }

  async depositsOfLot(manager: EntityManager, lotId: string, lock = false): Promise<DepositRow[]> {
    const rows = await manager.query<DepositRecord[]>(
      `SELECT ${DEPOSIT_COLUMNS} FROM bidder_deposit WHERE lot_id = $1 ORDER BY held_at, id ${lock ? 'FOR UPDATE' : ''}`,
      [lotId],
    );
    return rows.map(depositOf);
  }

  async overdueRefunds(manager: EntityManager, courtCode: string, now: Date): Promise<DepositRow[]> {
    const rows = await manager.query<DepositRecord[]>(
      `SELECT ${DEPOSIT_COLUMNS} FROM bidder_deposit
        WHERE court_code = $1 AND status = 'REFUND_DUE' AND refund_due_at < $2 ORDER BY refund_due_at, id`,
      [courtCode, now],
    );
    return rows.map(depositOf);
  }

  async setDeposit(
    manager: EntityManager,
    id: string,
    change: {
      status: DepositStatus;
      auctionEndedAt?: Date;
      refundDueAt?: Date;
      refundedAt?: Date;
      bankSerial?: string | null;
      forfeitReason?: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE bidder_deposit SET status = $2,
              auction_ended_at = coalesce($3, auction_ended_at), refund_due_at = coalesce($4, refund_due_at),
              refunded_at = coalesce($5, refunded_at), bank_serial = coalesce($6, bank_serial),
              forfeit_reason = coalesce($7, forfeit_reason)
        WHERE id = $1`,
      [
        id,
        change.status,
        change.auctionEndedAt ?? null,
        change.refundDueAt ?? null,
        change.refundedAt ?? null,
        change.bankSerial ?? null,
        change.forfeitReason ?? null,
      ],
    );
  }

  async forfeitApplication(manager: EntityManager, lotId: string): Promise<Record<string, unknown> | null> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT lot_id, forfeited_fen::text, costs_fen::text, shortfall_fen::text, debt_fen::text, remaining_fen::text,
              transaction_id FROM forfeit_application WHERE lot_id = $1`,
      [lotId],
    );
    return rows[0] ?? null;
  }

  async insertForfeitApplication(
    manager: EntityManager,
    a: {
      lotId: string;
      courtCode: string;
      caseId: string;
      forfeitedFen: number;
      costsFen: number;
      shortfallFen: number;
      debtFen: number;
      remainingFen: number;
      transactionId: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO forfeit_application (lot_id, court_code, case_id, forfeited_fen, costs_fen, shortfall_fen, debt_fen,
         remaining_fen, transaction_id, applied_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        a.lotId,
        a.courtCode,
        a.caseId,
        a.forfeitedFen,
        a.costsFen,
        a.shortfallFen,
        a.debtFen,
        a.remainingFen,
        a.transactionId,
        a.at,
      ],
    );
  }
}

interface PlanRecord {
  id: string;
  case_id: string;
  court_code: string;
  revision: number;
  served_on: string;
  amount_fen: string;
  costs_fen: string;
  surplus_fen: string;
  superseded: boolean;
  idempotency_key: string | null;
  request_hash: string | null;
}

const PLAN_COLUMNS = `id, case_id, court_code, revision, to_char(served_on, 'YYYY-MM-DD') AS served_on, amount_fen::text,
  costs_fen::text, surplus_fen::text, superseded, idempotency_key, request_hash`;

const planOf = (r: PlanRecord): PlanRow => ({
  id: r.id,
  caseId: r.case_id,
  courtCode: r.court_code,
  revision: r.revision,
  servedOn: r.served_on,
  amountFen: Number(r.amount_fen),
  costsFen: Number(r.costs_fen),
  surplusFen: Number(r.surplus_fen),
  superseded: r.superseded,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
});
