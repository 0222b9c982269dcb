import { randomUUID } from 'node:crypto';
import {
  CaseStatus,
  type BasisKind,
  type CaseType,
  type JurisdictionGround,
  type PartyKind,
  type PartyRole,
  type Track,
} from '@writ/contracts';
import type { Transaction } from '@writ/platform';
import type { EntityManager } from 'typeorm';
import type { EnforcementCase } from '../domain/enforcement-case.js';
import { CaseRecord, PartyRecord } from './case.orm-entity.js';

/** Where registration put a case: its track (繁简分流), with why, and the team and officer. */
export interface CaseAssignment {
  track: Track;
  reason: string;
  teamId?: string;
  officerId?: string;
}

export interface CaseFilter {
  courtCode: string;
  status?: CaseStatus;
  /** a party's account sees only cases naming its id number */
  partyIdNumber?: string;
  /** only the cases assigned to this officer */
  officerId?: string;
  page: number;
  pageSize: number;
}

/** Reads and writes cases; no rules here. */
export class CaseRepository {
  /**
   * Takes the next number of a court/type/year sequence. The row lock is held until the registering
   * transaction ends: concurrent registrations queue, and a rolled-back one leaves no gap.
   */
  async nextSequence(
    manager: EntityManager,
    key: { courtCode: string; caseType: CaseType; year: number },
  ): Promise<number> {
    const [row] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO case_number_sequence (court_code, case_type, year, last_value) VALUES ($1, $2, $3, 1)
       ON CONFLICT (court_code, case_type, year) DO UPDATE SET last_value = case_number_sequence.last_value + 1
       RETURNING last_value`,
      [key.courtCode, key.caseType, key.year],
    );
    return row!.last_value;
  }

  /**
   * Queues the case and its parties to be written with the transaction's events and audit entries in
   * one statement: they are written while the sequence row is locked, so they cost one round trip.
   */
  insert(
    tx: Transaction,
    c: EnforcementCase,
    request: { key: string; hash: string },
    life: { statutoryMonths: number; statutoryDeadline: string; assignment?: CaseAssignment },
  ): void {
    const assignment = life.assignment;
    tx.defer(
      `INSERT INTO enforcement_case (id, court_code, case_type, year, sequence, case_number, status, claim_amount_fen,
         basis_document_number, basis_issuing_court, basis_effective_date, note, registered_at, filing_date,
         registered_by, request_key, request_hash, basis_kind, performance_due_date, application_date,
         jurisdiction_ground, limitation_expired, accepted_within_deadline, related_case_id, entrusting_court_code,
         entrusting_case_number, statutory_months, statutory_deadline, track, track_reason, team_id, officer_id,
         third_party_objection, objection_asset_ref)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
         $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)`,
      [
        c.id,
        c.courtCode,
        c.caseType,
        c.year,
        c.sequence,
        c.caseNumber,
        c.status,
        c.claimAmountFen,
        c.basis.documentNumber,
        c.basis.issuingCourt,
        c.basis.effectiveDate,
        c.note ?? null,
        c.registeredAt,
        c.filingDate,
        c.registeredBy,
        request.key,
        request.hash,
        c.basis.kind,
        c.basis.performanceDueDate,
        c.applicationDate,
        c.jurisdictionGround,
        c.flags.limitationExpired,
        c.flags.acceptedWithinDeadline,
        c.relatedCaseId ?? null,
        c.entrusting?.courtCode ?? null,
        c.entrusting?.caseNumber ?? null,
        life.statutoryMonths,
        life.statutoryDeadline,
        assignment?.track ?? null,
        assignment?.reason ?? null,
        assignment?.teamId ?? null,
        assignment?.officerId ?? null,
        c.objection?.thirdParty ?? null,
        c.objection?.assetRef ?? null,
      ],
    );
    if (assignment) {
      tx.defer(
        `INSERT INTO case_assignment (id, case_id, track, team_id, officer_id, reason, assigned_by, assigned_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          c.id,
          assignment.track,
          assignment.teamId ?? null,
          assignment.officerId ?? null,
          assignment.reason,
          c.registeredBy,
          c.registeredAt,
        ],
      );
    }
    const values: unknown[] = [];
    const rows = c.parties.map((p, position) => {
      const at = values.length;
      const rep = p.legalRepresentative;
      values.push(
        c.id,
        position,
        p.role,
        p.kind,
        p.name,
        p.idNumber,
        rep?.name ?? null,
        rep?.idNumber ?? null,
      );
      return `(${Array.from({ length: 8 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
    });
    tx.defer(
      `INSERT INTO case_party (case_id, position, role, kind, name, id_number, legal_rep_name, legal_rep_id_number)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async findByRequestKey(
    manager: EntityManager,
    courtCode: string,
    requestKey: string,
  ): Promise<{ case: EnforcementCase; requestHash: string } | null> {
    const record = await manager.findOne(CaseRecord, { where: { courtCode, requestKey } });
    if (!record) return null;
    const parties = await manager.find(PartyRecord, {
      where: { caseId: record.id },
      order: { position: 'ASC' },
    });
    return { case: toDomain(record, parties), requestHash: record.requestHash };
  }

  async findById(manager: EntityManager, courtCode: string, id: string): Promise<EnforcementCase | null> {
    const record = await manager.findOne(CaseRecord, { where: { courtCode, id } });
    if (!record) return null;
    const parties = await manager.find(PartyRecord, { where: { caseId: id }, order: { position: 'ASC' } });
    return toDomain(record, parties);
  }

  async list(
    manager: EntityManager,
    filter: CaseFilter,
  ): Promise<{ items: EnforcementCase[]; total: number }> {
    const query = manager
      .createQueryBuilder(CaseRecord, 'c')
      .where('c.court_code = :court', { court: filter.courtCode })
      .orderBy('c.registered_at', 'DESC')
      .addOrderBy('c.sequence', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.officerId) query.andWhere('c.officer_id = :officer', { officer: filter.officerId });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.partyIdNumber) {
      query.andWhere('EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id AND p.id_number = :party)', {
        party: filter.partyIdNumber,
      });
    }
    const [records, total] = await query.getManyAndCount();
    if (!records.length) return { items: [], total };
    const parties = await manager
      .createQueryBuilder(PartyRecord, 'p')
      .where('p.case_id IN (:...ids)', { ids: records.map((r) => r.id) })
      .orderBy('p.position', 'ASC')
      .getMany();
    return {
      items: records.map((r) =>
        toDomain(
          r,
          parties.filter((p) => p.caseId === r.id),
        ),
      ),
      total,
    };
  }
}

function toDomain(record: CaseRecord, parties: PartyRecord[]): EnforcementCase {
  return {
    id: record.id,
    courtCode: record.courtCode,
    caseType: record.caseType as CaseType,
    year: record.year,
    sequence: record.sequence,
    caseNumber: record.caseNumber,
    status: record.status as CaseStatus,
    claimAmountFen: record.claimAmountFen,
    basis: {
      documentNumber: record.basisDocumentNumber,
      issuingCourt: record.basisIssuingCourt,
      effectiveDate: record.basisEffectiveDate,
      kind: record.basisKind as BasisKind,
      performanceDueDate: record.performanceDueDate ?? record.basisEffectiveDate,
    },
    parties: parties.map((p) => ({
      role: p.role as PartyRole,
      kind: p.kind as PartyKind,
      name: p.name,
      idNumber: p.idNumber,
      ...(p.legalRepName && p.legalRepIdNumber
        ? { legalRepresentative: { name: p.legalRepName, idNumber: p.legalRepIdNumber } }
        : {}),
    })),
    ...(record.note ? { note: record.note } : {}),
    registeredAt: record.registeredAt,
    filingDate: record.filingDate,
    registeredBy: record.registeredBy,
    applicationDate: record.applicationDate,
    jurisdictionGround: record.jurisdictionGround as JurisdictionGround,
    flags: {
      limitationExpired: record.limitationExpired,
      acceptedWithinDeadline: record.acceptedWithinDeadline,
    },
    ...(record.relatedCaseId ? { relatedCaseId: record.relatedCaseId } : {}),
    ...(record.entrustingCourtCode && record.entrustingCaseNumber
      ? { entrusting: { courtCode: record.entrustingCourtCode, caseNumber: record.entrustingCaseNumber } }
      : {}),
  };
}
