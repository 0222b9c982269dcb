import type { LeadKind, LeadResult, LeadStatus } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { LeadState } from '../domain/lead.js';

export interface LeadRow extends LeadState {
  id: string;
  caseId: string;
  caseNumber: string;
  courtCode: string;
  requestKey: string;
  kind: LeadKind;
  description: string;
  providedBy: string;
  recordedBy: string;
  checkedBy: string | null;
}

interface LeadDbRow {
  id: string;
  case_id: string;
  case_number: string;
  court_code: string;
  request_key: string;
  kind: LeadKind;
  description: string;
  urgent: boolean;
  provided_by: string;
  status: LeadStatus;
  received_on: string;
  due_on: string;
  recorded_by: string;
  result: LeadResult | null;
  note: string | null;
  checked_on: string | null;
  checked_by: string | null;
}

const COLUMNS = `l.id, l.case_id, b.case_number, l.court_code, l.request_key, l.kind, l.description, l.urgent,
  l.provided_by, l.status, l.received_on::text, l.due_on::text, l.recorded_by, l.result, l.note,
  l.checked_on::text, l.checked_by`;

function leadOf(r: LeadDbRow): LeadRow {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    courtCode: r.court_code,
    requestKey: r.request_key,
    kind: r.kind,
    description: r.description,
    urgent: r.urgent,
    providedBy: r.provided_by,
    status: r.status,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    recordedBy: r.recorded_by,
    result: r.result,
    note: r.note,
    checkedOn: r.checked_on,
    checkedBy: r.checked_by,
  };
}

/** Reads and writes applicants' leads (财产线索); no rules here. */
export class LeadRepository {
  /** False when the court already has a lead under this request key. */
  async insert(
    manager: EntityManager,
    lead: Omit<LeadRow, 'caseNumber' | 'checkedBy'>,
    recordedAt: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO asset_lead (id, case_id, court_code, request_key, kind, description, urgent, provided_by,
                               status, received_on, due_on, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (court_code, request_key) DO NOTHING RETURNING id`,
      [
        lead.id,
        lead.caseId,
        lead.courtCode,
        lead.requestKey,
        lead.kind,
        lead.description,
        lead.urgent,
        lead.providedBy,
        lead.status,
        lead.receivedOn,
        lead.dueOn,
        lead.recordedBy,
        recordedAt.toISOString(),
      ],
    );
    return rows.length > 0;
  }

  async byRequestKey(manager: EntityManager, courtCode: string, requestKey: string): Promise<LeadRow | null> {
    const rows = await manager.query<LeadDbRow[]>(
      `SELECT ${COLUMNS} FROM asset_lead l JOIN inquiry_batch b ON b.case_id = l.case_id
        WHERE l.court_code = $1 AND l.request_key = $2`,
      [courtCode, requestKey],
    );
    return rows[0] ? leadOf(rows[0]) : null;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<LeadRow | null> {
    const rows = await manager.query<LeadDbRow[]>(
      `SELECT ${COLUMNS} FROM asset_lead l JOIN inquiry_batch b ON b.case_id = l.case_id
        WHERE l.id = $1 ${lock ? 'FOR UPDATE OF l' : ''}`,
      [id],
    );
    return rows[0] ? leadOf(rows[0]) : null;
  }

  async saveCheck(manager: EntityManager, lead: LeadRow, checkedBy: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE asset_lead SET status = $2, result = $3, note = $4, checked_on = $5, checked_by = $6, checked_at = $7
        WHERE id = $1`,
      [lead.id, lead.status, lead.result, lead.note, lead.checkedOn, checkedBy, now.toISOString()],
    );
  }

  async ofCase(manager: EntityManager, caseId: string): Promise<LeadRow[]> {
    const rows = await manager.query<LeadDbRow[]>(
      `SELECT ${COLUMNS} FROM asset_lead l JOIN inquiry_batch b ON b.case_id = l.case_id
        WHERE l.case_id = $1 ORDER BY l.due_on, l.received_on, l.recorded_at, l.id`,
      [caseId],
    );
    return rows.map(leadOf);
  }

  /** The court's open leads due before `today`, most overdue first. */
  async overdue(manager: EntityManager, courtCode: string, today: string): Promise<LeadRow[]> {
    const rows = await manager.query<LeadDbRow[]>(
      `SELECT ${COLUMNS} FROM asset_lead l JOIN inquiry_batch b ON b.case_id = l.case_id
        WHERE l.court_code = $1 AND l.status = 'OPEN' AND l.due_on < $2
        ORDER BY l.due_on, l.recorded_at, l.id LIMIT 500`,
      [courtCode, today],
    );
    return rows.map(leadOf);
  }
}
