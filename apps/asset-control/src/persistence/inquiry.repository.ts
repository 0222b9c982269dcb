import { randomUUID } from 'node:crypto';
import {
  InquiryStatus,
  type AgencyFinding,
  type AgencyKind,
  type AssetClass,
  type AssetValueKind,
  type PartyKind,
} from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { InquiryProgress, PlannedInquiry } from '../domain/asset-inquiry.js';
import { AssetInquiryRecord, FoundAssetRecord, InquiryBatchRecord } from './inquiry.orm-entity.js';

/** An inquiry a dispatcher has leased, with what it needs to send it. */
export interface ClaimedInquiry {
  id: string;
  caseId: string;
  kind: AgencyKind;
  /** the catalog's class of the kind, which the agency is told */
  assetClass: AssetClass;
  respondentKind: PartyKind;
  respondentName: string;
  respondentIdNumber: string;
  caseNumber: string;
  courtCode: string;
  correlationId: string;
  claimToken: string;
}

export interface NewBatch {
  caseId: string;
  caseNumber: string;
  caseType: string;
  courtCode: string;
  correlationId: string;
  startedAt: Date;
  /** YYYY-MM-DD, the 立案 date the registration carries */
  filingDate: string;
}

interface ClaimedRow {
  id: string;
  case_id: string;
  kind: AgencyKind;
  asset_class: AssetClass;
  respondent_kind: PartyKind;
  respondent_name: string;
  respondent_id_number: string;
  case_number: string;
  court_code: string;
  correlation_id: string;
}

/** Reads and writes inquiry batches, inquiries and found assets; no rules here. */
export class InquiryRepository {
  /** False when the case already has a batch (its registration arrived before under another event id). */
  async insertBatch(manager: EntityManager, batch: NewBatch): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO inquiry_batch (case_id, case_number, case_type, court_code, correlation_id, started_at, filing_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id) DO NOTHING RETURNING case_id`,
      [
        batch.caseId,
        batch.caseNumber,
        batch.caseType,
        batch.courtCode,
        batch.correlationId,
        batch.startedAt.toISOString(),
        batch.filingDate,
      ],
    );
    return rows.length > 0;
  }

  async insertInquiries(
    manager: EntityManager,
    caseId: string,
    plan: readonly PlannedInquiry[],
    progress: InquiryProgress,
    now: Date,
    round = 0,
  ): Promise<void> {
    if (!plan.length) return;
    await manager.insert(
      AssetInquiryRecord,
      plan.map((p) => ({
        id: randomUUID(),
        caseId,
        round,
        kind: p.kind,
        respondentPosition: p.respondentPosition,
        respondentKind: p.respondent.kind,
        respondentName: p.respondent.name,
        respondentIdNumber: p.respondent.idNumber,
        linkedTo: p.linkedTo?.position ?? null,
        linkedRole: p.linkedTo?.role ?? null,
        ...progress,
        claimedUntil: null,
        claimToken: null,
        createdAt: now,
      })),
    );
  }

  /**
   * Leases up to `limit` due inquiries in one statement. SKIP LOCKED lets replicas claim side by side
   * without waiting on each other; the lease (claimed_until) keeps a claimed inquiry from being sent
   * again until it has had its chance, and lets another replica take it over if this one dies.
   */
  async claimDue(
    manager: EntityManager,
    claim: { now: Date; leaseUntil: Date; token: string; limit: number },
  ): Promise<ClaimedInquiry[]> {
    // for UPDATE … RETURNING, TypeORM's postgres driver answers [rows, affected]
    const [rows] = await manager.query<[ClaimedRow[], number]>(
      `UPDATE asset_inquiry i
          SET claimed_until = $2, claim_token = $3, first_sent_at = COALESCE(i.first_sent_at, $1)
         FROM inquiry_batch b, agency_kind k
        WHERE b.case_id = i.case_id AND k.code = i.kind
          AND i.id IN (
            SELECT id FROM asset_inquiry
             WHERE status = 'PENDING' AND next_attempt_at <= $1
               AND (claimed_until IS NULL OR claimed_until <= $1)
             ORDER BY next_attempt_at
             LIMIT $4
             FOR UPDATE SKIP LOCKED)
        RETURNING i.id, i.case_id, i.kind, k.asset_class, i.respondent_kind, i.respondent_name, i.respondent_id_number,
                  b.case_number, b.court_code, b.correlation_id`,
      [claim.now.toISOString(), claim.leaseUntil.toISOString(), claim.token, claim.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      kind: r.kind,
      assetClass: r.asset_class,
      respondentKind: r.respondent_kind,
      respondentName: r.respondent_name,
      respondentIdNumber: r.respondent_id_number,
      caseNumber: r.case_number,
      courtCode: r.court_code,
      correlationId: r.correlation_id,
      claimToken: claim.token,
    }));
  }

  /** Locks the case's batch: outcomes of one case are recorded one at a time, so exactly one sees the last. */
  lockBatch(manager: EntityManager, caseId: string): Promise<InquiryBatchRecord | null> {
    return manager.findOne(InquiryBatchRecord, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  lockInquiry(manager: EntityManager, id: string): Promise<AssetInquiryRecord | null> {
    return manager.findOne(AssetInquiryRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Stores the inquiry's new progress and ends its lease. */
  async saveProgress(manager: EntityManager, id: string, progress: InquiryProgress): Promise<void> {
    await manager.update(AssetInquiryRecord, { id }, { ...progress, claimedUntil: null, claimToken: null });
  }

  async insertAssets(
    manager: EntityManager,
    inquiry: AssetInquiryRecord,
    findings: readonly AgencyFinding[],
    foundAt: Date,
  ): Promise<void> {
    if (!findings.length) return;
    await manager.insert(
      FoundAssetRecord,
      findings.map((f, position) => ({
        id: randomUUID(),
        inquiryId: inquiry.id,
        position,
        caseId: inquiry.caseId,
        kind: inquiry.kind,
        round: inquiry.round,
        respondentPosition: inquiry.respondentPosition,
        respondentIdNumber: inquiry.respondentIdNumber,
        holder: f.holder,
        identifier: f.identifier,
        description: f.description,
        valueKind: f.valueKind,
        amountFen: f.amountFen,
        foundAt,
      })),
    );
  }

  /** The statuses of one round of the case's inquiries (0: the inquiry at registration). */
  async statusesOfCase(manager: EntityManager, caseId: string, round = 0): Promise<InquiryStatus[]> {
    const rows = await manager.find(AssetInquiryRecord, {
      select: { status: true },
      where: { caseId, round },
    });
    return rows.map((r) => r.status);
  }

  /** What one round found, each with the class its kind has in the catalog. */
  async assetValuesOfCase(
    manager: EntityManager,
    caseId: string,
    round = 0,
  ): Promise<{ kind: AgencyKind; assetClass: AssetClass; valueKind: AssetValueKind; amountFen: number }[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT a.kind, k.asset_class, a.value_kind, a.amount_fen::text
         FROM found_asset a JOIN agency_kind k ON k.code = a.kind
        WHERE a.case_id = $1 AND a.round = $2`,
      [caseId, round],
    );
    return rows.map((r) => ({
      kind: r['kind'] as AgencyKind,
      assetClass: r['asset_class'] as AssetClass,
      valueKind: r['value_kind'] as AssetValueKind,
      amountFen: Number(r['amount_fen']),
    }));
  }

  /** Marks the batch complete unless it already was; true only for the one caller that did it. */
  async markBatchCompleted(manager: EntityManager, caseId: string, now: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(InquiryBatchRecord)
      .set({ completedAt: now })
      .where('case_id = :caseId AND completed_at IS NULL', { caseId })
      .execute();
    return result.affected === 1;
  }

  /** An inquiry sent again after it failed: its new progress, one more re-send counted. */
  async markResent(manager: EntityManager, id: string, progress: InquiryProgress): Promise<void> {
    await manager.query(
      `UPDATE asset_inquiry
          SET status = $2, attempts = $3, next_attempt_at = $4, failed_at = $5, resent = resent + 1,
              claimed_until = NULL, claim_token = NULL
        WHERE id = $1`,
      [
        id,
        progress.status,
        progress.attempts,
        progress.nextAttemptAt?.toISOString() ?? null,
        progress.failedAt,
      ],
    );
  }

  /** The case's failed inquiries, locked for re-sending (the caller holds the batch's lock first). */
  lockFailedOfCase(manager: EntityManager, caseId: string): Promise<AssetInquiryRecord[]> {
    return manager.find(AssetInquiryRecord, {
      where: { caseId, status: InquiryStatus.Failed },
      order: { round: 'ASC', respondentPosition: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Opens a completed batch again, for an inquiry sent again; true when it was complete. */
  async reopenBatch(manager: EntityManager, caseId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(InquiryBatchRecord)
      .set({ completedAt: null })
      .where('case_id = :caseId AND completed_at IS NOT NULL', { caseId })
      .execute();
    return result.affected === 1;
  }

  /** Records the completion as announced unless it equals the one announced last; true when it differs. */
  async announceIfChanged(manager: EntityManager, caseId: string, summary: object): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE inquiry_batch SET announced_summary = $2::jsonb
        WHERE case_id = $1 AND announced_summary IS DISTINCT FROM $2::jsonb RETURNING case_id`,
      [caseId, JSON.stringify(summary)],
    );
    return rows.length > 0;
  }

  findBatch(manager: EntityManager, caseId: string): Promise<InquiryBatchRecord | null> {
    return manager.findOne(InquiryBatchRecord, { where: { caseId } });
  }

  inquiriesOfCase(manager: EntityManager, caseId: string): Promise<AssetInquiryRecord[]> {
    return manager.find(AssetInquiryRecord, { where: { caseId }, order: { respondentPosition: 'ASC' } });
  }

  assetsOfCase(manager: EntityManager, caseId: string): Promise<FoundAssetRecord[]> {
    return manager.find(FoundAssetRecord, {
      where: { caseId },
      order: { respondentPosition: 'ASC', position: 'ASC' },
    });
  }

  /** How many inquiries are still waiting for an answer, for the dispatcher's metrics and tests. */
  async pendingCount(manager: EntityManager): Promise<number> {
    return manager.count(AssetInquiryRecord, { where: { status: InquiryStatus.Pending } });
  }
}
