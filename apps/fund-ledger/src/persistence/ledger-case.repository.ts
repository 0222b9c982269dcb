import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A case as the ledger knows it: its court (whose staff may touch its money) and what it has received. */
export interface LedgerCase {
  caseId: string;
  courtCode: string;
  caseNumber: string | null;
  claimFen: number | null;
  receivedFen: number;
  /** 立案日, YYYY-MM-DD, when the ledger was told it */
  filedOn: string | null;
  /** the id numbers of the case's applicants and respondents (empty when the ledger was not told) */
  partyIdNumbers: string[];
}

interface CaseRecord {
  case_id: string;
  court_code: string;
  case_number: string | null;
  claim_fen: string | null;
  received_fen: string;
  filed_on: string | null;
  party_id_numbers: string[];
}

const caseOf = (r: CaseRecord): LedgerCase => ({
  caseId: r.case_id,
  courtCode: r.court_code,
  caseNumber: r.case_number,
  claimFen: r.claim_fen === null ? null : Number(r.claim_fen),
  receivedFen: Number(r.received_fen),
  filedOn: r.filed_on,
  partyIdNumbers: r.party_id_numbers,
});

@Injectable()
export class LedgerCaseRepository {
  /** The case; with `lock`, its row is held until commit (the receipt path's order: case, then accounts). */
  async find(manager: EntityManager, caseId: string, lock = false): Promise<LedgerCase | null> {
    const rows = await manager.query<CaseRecord[]>(
      `SELECT case_id, court_code, case_number, claim_fen::text, received_fen::text,
              to_char(filed_on, 'YYYY-MM-DD') AS filed_on, party_id_numbers
         FROM ledger_case WHERE case_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [caseId],
    );
    return rows[0] ? caseOf(rows[0]) : null;
  }

  /**
   * Records a case; what a later, fuller source (case.registered) says fills what an earlier one lacked.
   * The parties' id numbers are replaced only by a source that names some.
   */
  async remember(
    manager: EntityManager,
    c: {
      caseId: string;
      courtCode: string;
      caseNumber?: string;
      claimFen?: number;
      filedOn?: string;
      partyIdNumbers?: string[];
    },
    at: Date,
    source: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ledger_case (case_id, court_code, case_number, claim_fen, known_at, source, filed_on,
                                party_id_numbers)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::text[])
       ON CONFLICT (case_id) DO UPDATE
          SET case_number = coalesce(ledger_case.case_number, EXCLUDED.case_number),
              claim_fen = coalesce(ledger_case.claim_fen, EXCLUDED.claim_fen),
              filed_on = coalesce(ledger_case.filed_on, EXCLUDED.filed_on),
              party_id_numbers = CASE WHEN cardinality(EXCLUDED.party_id_numbers) = 0
                                      THEN ledger_case.party_id_numbers ELSE EXCLUDED.party_id_numbers END
        WHERE ledger_case.case_number IS NULL OR ledger_case.claim_fen IS NULL
           OR (ledger_case.filed_on IS NULL AND EXCLUDED.filed_on IS NOT NULL)
           OR (cardinality(EXCLUDED.party_id_numbers) > 0
               AND ledger_case.party_id_numbers <> EXCLUDED.party_id_numbers)`,
      [
        c.caseId,
        c.courtCode,
        c.caseNumber ?? null,
        c.claimFen ?? null,
        at,
        source,
        c.filedOn ?? null,
        [...new Set(c.partyIdNumbers ?? [])],
      ],
    );
  }

  /** The SQL that adds to what a case has received; queued with the transaction's last statement. */
  static readonly ADD_RECEIVED = `UPDATE ledger_case SET received_fen = received_fen + $2 WHERE case_id = $1`;
}
