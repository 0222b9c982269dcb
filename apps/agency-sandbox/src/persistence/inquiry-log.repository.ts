import type { EntityManager } from 'typeorm';

export interface InquiryLogEntry {
  inquiryId: string;
  kind: string;
  subjectIdNumber: string;
  caseNumber: string;
  outcome: 'ANSWERED' | 'FAILED' | 'HELD';
  findings: number;
  receivedAt: Date;
}

/** The sandbox's record of the inquiries it was sent; no rules here. */
export class InquiryLogRepository {
  async record(manager: EntityManager, entry: InquiryLogEntry): Promise<void> {
    await manager.query(
      `INSERT INTO agency_inquiry_log (inquiry_id, kind, subject_id_number, case_number, outcome, findings, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.inquiryId,
        entry.kind,
        entry.subjectIdNumber,
        entry.caseNumber,
        entry.outcome,
        entry.findings,
        entry.receivedAt.toISOString(),
      ],
    );
  }
}
