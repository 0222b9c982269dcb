import type { EntityManager } from 'typeorm';

export type InquiryLogOutcome = 'ANSWERED' | 'FAILED' | 'HELD' | 'REPEATED';

export interface InquiryLogEntry {
  inquiryId: string;
  kind: string;
  subjectIdNumber: string;
  caseNumber: string;
  outcome: InquiryLogOutcome;
  findings: number;
  receivedAt: Date;
}

/** The answer already given to an inquiry id. */
export interface EarlierAnswer {
  findings: number;
  answeredAt: Date;
}

const INSERT = `INSERT INTO agency_inquiry_log (inquiry_id, kind, subject_id_number, case_number, outcome, findings, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`;

function values(entry: InquiryLogEntry): unknown[] {
  return [
    entry.inquiryId,
    entry.kind,
    entry.subjectIdNumber,
    entry.caseNumber,
    entry.outcome,
    entry.findings,
    entry.receivedAt.toISOString(),
  ];
}

/** The sandbox's record of the inquiries it was sent; no rules here. */
export class InquiryLogRepository {
  async record(manager: EntityManager, entry: InquiryLogEntry): Promise<void> {
    await manager.query(INSERT, values(entry));
  }

  /**
   * Logs the answer to an inquiry id unless one is logged already (the unique index on answered ids
   * decides between two deliveries at once); true when this was the first answer.
   */
  async recordFirstAnswer(manager: EntityManager, entry: Omit<InquiryLogEntry, 'outcome'>): Promise<boolean> {
    const rows = await manager.query<{ id: string }[]>(
      `${INSERT}
       ON CONFLICT (inquiry_id) WHERE outcome = 'ANSWERED' DO NOTHING
       RETURNING id`,
      values({ ...entry, outcome: 'ANSWERED' }),
    );
    return rows.length > 0;
  }

  async earlierAnswer(manager: EntityManager, inquiryId: string): Promise<EarlierAnswer | null> {
    const rows = await manager.query<{ findings: number; received_at: Date }[]>(
      `SELECT findings, received_at FROM agency_inquiry_log WHERE inquiry_id = $1 AND outcome = 'ANSWERED'`,
      [inquiryId],
    );
    const row = rows[0];
    return row ? { findings: row.findings, answeredAt: new Date(row.received_at) } : null;
  }
}
