import { randomUUID } from 'node:crypto';
import type {
  BasisKind,
  CaseActivityKind,
  CaseStatus,
  CaseType,
  ClosureType,
  JurisdictionGround,
  PerformanceMode,
  SuspensionReason,
  Track,
} from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { CaseLife } from '../domain/case-life.js';
import type { Closure } from '../domain/case-life.js';
import type { TerminationChecklist } from '../domain/termination-checklist.js';

interface LifeRow {
  id: string;
  court_code: string;
  case_number: string;
  case_type: string;
  status: string;
  filing_date: string;
  application_date: string;
  basis_kind: string;
  jurisdiction_ground: string;
  claim_amount_fen: string;
  extension_months: number;
  suspended_days: number;
  suspended_since: string | null;
  suspension_reason: string | null;
  track: string | null;
  track_reason: string | null;
  team_id: string | null;
  officer_id: string | null;
  has_property: boolean;
  found_value_fen: string;
  inquiry_completed_on: string | null;
  received_fen: string;
  recovered_fen: string;
  related_case_id: string | null;
  third_party_objection: boolean | null;
  objection_asset_ref: string | null;
  closure_type: string | null;
  performance_mode: string | null;
  closed_on: string | null;
  closed_within_period: boolean | null;
  zhongben_qualified: boolean | null;
  limitation_expired: boolean;
  accepted_within_deadline: boolean;
  entrusting_court_code: string | null;
  entrusting_case_number: string | null;
}

const LIFE_COLUMNS = `id, court_code, case_number, case_type, status, filing_date::text AS filing_date,
  application_date::text AS application_date, basis_kind, jurisdiction_ground, claim_amount_fen, extension_months,
  suspended_days, suspended_since::text AS suspended_since, suspension_reason, track, track_reason, team_id,
  officer_id, has_property, found_value_fen, inquiry_completed_on::text AS inquiry_completed_on, received_fen,
  recovered_fen, related_case_id, third_party_objection, objection_asset_ref, closure_type, performance_mode,
  closed_on::text AS closed_on, closed_within_period, zhongben_qualified, limitation_expired, accepted_within_deadline, entrusting_court_code,
  entrusting_case_number`;

function toLife(r: LifeRow): CaseLife {
  const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
    (value === null ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    id: r.id,
    courtCode: r.court_code,
    caseNumber: r.case_number,
    caseType: r.case_type as CaseType,
    status: r.status as CaseStatus,
    filingDate: r.filing_date,
    applicationDate: r.application_date,
    basisKind: r.basis_kind as BasisKind,
    jurisdictionGround: r.jurisdiction_ground as JurisdictionGround,
    claimAmountFen: Number(r.claim_amount_fen),
    extensionMonths: r.extension_months,
    suspendedDays: r.suspended_days,
    hasProperty: r.has_property,
    foundValueFen: Number(r.found_value_fen),
    receivedFen: Number(r.received_fen),
    recoveredFen: Number(r.recovered_fen),
    limitationExpired: r.limitation_expired,
    acceptedWithinDeadline: r.accepted_within_deadline,
    ...optional('suspendedSince', r.suspended_since),
    ...optional('suspensionReason', r.suspension_reason as SuspensionReason | null),
    ...optional('track', r.track as Track | null),
    ...optional('trackReason', r.track_reason),
    ...optional('teamId', r.team_id),
    ...optional('officerId', r.officer_id),
    ...optional('inquiryCompletedOn', r.inquiry_completed_on),
    ...optional('relatedCaseId', r.related_case_id),
    ...optional('thirdPartyObjection', r.third_party_objection),
    ...optional('objectionAssetRef', r.objection_asset_ref),
    ...optional('closureType', r.closure_type as ClosureType | null),
    ...optional('performanceMode', r.performance_mode as PerformanceMode | null),
    ...optional('closedOn', r.closed_on),
    ...optional('closedWithinPeriod', r.closed_within_period),
    ...optional('zhongbenQualified', r.zhongben_qualified),
    ...optional('entrustingCourtCode', r.entrusting_court_code),
    ...optional('entrustingCaseNumber', r.entrusting_case_number),
  };
}

export interface ActivityRecord {
  id: string;
  kind: CaseActivityKind;
  occurredOn: string;
  note?: string;
  recordedBy: string;
}

export interface AssignmentRecord {
  track: Track;
  teamId?: string;
  officerId?: string;
  reason: string;
  assignedBy: string;
  assignedAt: Date;
}

export interface LinkedCase {
  id: string;
  caseNumber: string;
  caseType: CaseType;
  status: CaseStatus;
  relatedCaseId: string | null;
}

/** Reads and writes what case-intake tracks of a case after 立案; no rules here. */
export class CaseLifeRepository {
  /** A case of a court, or any court when `courtCode` is undefined (events from other stages). */
  async find(manager: EntityManager, caseId: string, courtCode?: string): Promise<CaseLife | null> {
    const rows = await manager.query<LifeRow[]>(
      `SELECT ${LIFE_COLUMNS} FROM enforcement_case WHERE id = $1 ${courtCode ? 'AND court_code = $2' : ''}`,
      courtCode ? [caseId, courtCode] : [caseId],
    );
    return rows[0] ? toLife(rows[0]) : null;
  }

  /** The case, locked until the transaction ends: changes to one case are made one at a time. */
  async lock(manager: EntityManager, caseId: string, courtCode?: string): Promise<CaseLife | null> {
    const rows = await manager.query<LifeRow[]>(
      `SELECT ${LIFE_COLUMNS} FROM enforcement_case WHERE id = $1 ${courtCode ? 'AND court_code = $2' : ''} FOR UPDATE`,
      courtCode ? [caseId, courtCode] : [caseId],
    );
    return rows[0] ? toLife(rows[0]) : null;
  }

  /** Writes the mutable part of a case's life as it now stands. */
  async save(manager: EntityManager, life: CaseLife, statutoryDeadline: string): Promise<void> {
    await manager.query(
      `UPDATE enforcement_case SET status = $2, extension_months = $3, suspended_days = $4, suspended_since = $5,
         suspension_reason = $6, track = $7, track_reason = $8, team_id = $9, officer_id = $10, has_property = $11,
         found_value_fen = $12, inquiry_completed_on = $13, received_fen = $14, recovered_fen = $15,
         statutory_deadline = $16, version = version + 1
       WHERE id = $1`,
      [
        life.id,
        life.status,
        life.extensionMonths,
        life.suspendedDays,
        life.suspendedSince ?? null,
        life.suspensionReason ?? null,
        life.track ?? null,
        life.trackReason ?? null,
        life.teamId ?? null,
        life.officerId ?? null,
        life.hasProperty,
        life.foundValueFen,
        life.inquiryCompletedOn ?? null,
        life.receivedFen,
        life.recoveredFen,
        statutoryDeadline,
      ],
    );
  }

  async saveClosure(
    manager: EntityManager,
    caseId: string,
    closure: Closure,
    facts: {
      closedAt: Date;
      closedBy: string;
      reason: string;
      zhongbenQualified: boolean | null;
      checklist: TerminationChecklist | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE enforcement_case SET status = 'CLOSED', closure_type = $2, performance_mode = $3, closed_on = $4,
         closed_at = $5, closed_by = $6, closure_reason = $7, closed_within_period = $8, zhongben_qualified = $9,
         closure_checklist = $10, suspended_since = NULL, version = version + 1
       WHERE id = $1`,
      [
        caseId,
        closure.closureType,
        closure.performanceMode ?? null,
        closure.closedOn,
        facts.closedAt,
        facts.closedBy,
        facts.reason,
        closure.withinPeriod,
        facts.zhongbenQualified,
        facts.checklist ? JSON.stringify(facts.checklist) : null,
      ],
    );
  }

  /** A review case (执异) ends with its decision, which is not one of the closure types. */
  async closeWithDecision(
    manager: EntityManager,
    caseId: string,
    facts: { closedOn: string; closedAt: Date; closedBy: string; reason: string; withinPeriod: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE enforcement_case SET status = 'CLOSED', closed_on = $2, closed_at = $3, closed_by = $4,
         closure_reason = $5, closed_within_period = $6, version = version + 1 WHERE id = $1`,
      [caseId, facts.closedOn, facts.closedAt, facts.closedBy, facts.reason, facts.withinPeriod],
    );
  }

  async closureOf(
    manager: EntityManager,
    caseId: string,
  ): Promise<{ closedBy: string; reason: string; withinPeriod: boolean } | null> {
    const [row] = await manager.query<
      { closed_by: string | null; closure_reason: string | null; closed_within_period: boolean | null }[]
    >(`SELECT closed_by, closure_reason, closed_within_period FROM enforcement_case WHERE id = $1`, [caseId]);
    if (!row?.closed_by) return null;
    return {
      closedBy: row.closed_by,
      reason: row.closure_reason ?? '',
      withinPeriod: row.closed_within_period ?? false,
    };
  }

  async addActivity(
    manager: EntityManager,
    caseId: string,
    activity: {
      kind: CaseActivityKind;
      occurredOn: string;
      note?: string;
      recordedBy: string;
      recordedAt: Date;
    },
  ): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO case_activity (id, case_id, kind, occurred_on, note, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        caseId,
        activity.kind,
        activity.occurredOn,
        activity.note ?? null,
        activity.recordedBy,
        activity.recordedAt,
      ],
    );
    return id;
  }

  async activities(manager: EntityManager, caseId: string): Promise<ActivityRecord[]> {
    const rows = await manager.query<
      { id: string; kind: string; occurred_on: string; note: string | null; recorded_by: string }[]
    >(
      `SELECT id, kind, occurred_on::text AS occurred_on, note, recorded_by FROM case_activity
        WHERE case_id = $1 ORDER BY occurred_on, recorded_at`,
      [caseId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as CaseActivityKind,
      occurredOn: r.occurred_on,
      ...(r.note ? { note: r.note } : {}),
      recordedBy: r.recorded_by,
    }));
  }

  async addAssignment(manager: EntityManager, caseId: string, a: AssignmentRecord): Promise<void> {
    await manager.query(
      `INSERT INTO case_assignment (id, case_id, track, team_id, officer_id, reason, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        caseId,
        a.track,
        a.teamId ?? null,
        a.officerId ?? null,
        a.reason,
        a.assignedBy,
        a.assignedAt,
      ],
    );
  }

  async assignments(manager: EntityManager, caseId: string): Promise<AssignmentRecord[]> {
    const rows = await manager.query<
      {
        track: string;
        team_id: string | null;
        officer_id: string | null;
        reason: string;
        assigned_by: string;
        assigned_at: Date;
      }[]
    >(
      `SELECT track, team_id, officer_id, reason, assigned_by, assigned_at FROM case_assignment
        WHERE case_id = $1 ORDER BY assigned_at`,
      [caseId],
    );
    return rows.map((r) => ({
      track: r.track as Track,
      ...(r.team_id ? { teamId: r.team_id } : {}),
      ...(r.officer_id ? { officerId: r.officer_id } : {}),
      reason: r.reason,
      assignedBy: r.assigned_by,
      assignedAt: r.assigned_at,
    }));
  }

  /**
   * Open cases of the given officers (kept by the database as cases are filed, assigned and closed):
   * assignment deals new cases to the least loaded.
   */
  async openCasesByOfficer(
    manager: EntityManager,
    courtCode: string,
    officerIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (!officerIds.length) return new Map();
    const rows = await manager.query<{ officer_id: string; open_cases: number }[]>(
      `SELECT officer_id, open_cases FROM officer_caseload WHERE court_code = $1 AND officer_id = ANY($2::text[])`,
      [courtCode, officerIds],
    );
    return new Map(rows.map((r) => [r.officer_id, r.open_cases]));
  }

  async addSuspension(
    manager: EntityManager,
    caseId: string,
    s: { reason: SuspensionReason; since: string; note: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_suspension (id, case_id, reason, since, note) VALUES ($1, $2, $3, $4, $5)`,
      [randomUUID(), caseId, s.reason, s.since, s.note],
    );
  }

  async endSuspension(manager: EntityManager, caseId: string, until: string): Promise<void> {
    await manager.query(`UPDATE case_suspension SET until = $2 WHERE case_id = $1 AND until IS NULL`, [
      caseId,
      until,
    ]);
  }

  /** Cases linked to this one either way (the case it resumes or objects in, and those that resume or object in it). */
  async linked(manager: EntityManager, caseId: string, relatedCaseId?: string): Promise<LinkedCase[]> {
    const rows = await manager.query<
      { id: string; case_number: string; case_type: string; status: string; related_case_id: string | null }[]
    >(
      `SELECT id, case_number, case_type, status, related_case_id FROM enforcement_case
        WHERE related_case_id = $1 OR id = $2 ORDER BY registered_at`,
      [caseId, relatedCaseId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      caseType: r.case_type as CaseType,
      status: r.status as CaseStatus,
      relatedCaseId: r.related_case_id,
    }));
  }

  /** The number of the 执 case that carries on this 执保 case (保全转执行), if any. */
  async carrierOf(manager: EntityManager, preservationCaseId: string): Promise<string | null> {
    const [row] = await manager.query<{ case_number: string }[]>(
      `SELECT case_number FROM enforcement_case WHERE related_case_id = $1 AND case_type = '执' LIMIT 1`,
      [preservationCaseId],
    );
    return row?.case_number ?? null;
  }

  /** An open 执恢 case already resuming this one, if any (a find must not open two). */
  async openResumptionOf(manager: EntityManager, originalCaseId: string): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT id FROM enforcement_case WHERE related_case_id = $1 AND case_type = '执恢' AND status <> 'CLOSED' LIMIT 1`,
      [originalCaseId],
    );
    return row?.id ?? null;
  }
}
