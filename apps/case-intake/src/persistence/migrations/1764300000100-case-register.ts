import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case register: cases, their parties, and the gap-free case-number sequences. */
export class CaseRegister1764300000100 implements MigrationInterface {
  name = 'CaseRegister1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_number_sequence (
        court_code  TEXT NOT NULL,
        case_type   TEXT NOT NULL,
        year        INT NOT NULL,
        last_value  INT NOT NULL,
        PRIMARY KEY (court_code, case_type, year)
      )`);
    await q.query(`
      CREATE TABLE enforcement_case (
        id                     UUID PRIMARY KEY,
        court_code             TEXT NOT NULL,
        case_type              TEXT NOT NULL,
        year                   INT NOT NULL,
        sequence               INT NOT NULL CHECK (sequence > 0),
        case_number            TEXT NOT NULL UNIQUE,
        status                 TEXT NOT NULL,
        claim_amount_fen       BIGINT NOT NULL CHECK (claim_amount_fen > 0),
        basis_document_number  TEXT NOT NULL,
        basis_issuing_court    TEXT NOT NULL,
        basis_effective_date   DATE NOT NULL,
        note                   TEXT,
        registered_at          TIMESTAMPTZ NOT NULL,
        filing_date            DATE NOT NULL,
        registered_by          TEXT NOT NULL,
        request_key            TEXT NOT NULL,
        request_hash           TEXT NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX enforcement_case_sequence ON enforcement_case (court_code, case_type, year, sequence)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX enforcement_case_request ON enforcement_case (court_code, request_key)`,
    );
    await q.query(
      `CREATE INDEX enforcement_case_listing ON enforcement_case (court_code, status, registered_at DESC)`,
    );
    await q.query(`
      CREATE TABLE case_party (
        case_id    UUID NOT NULL REFERENCES enforcement_case (id),
        position   INT NOT NULL,
        role       TEXT NOT NULL,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        id_number  TEXT NOT NULL,
        PRIMARY KEY (case_id, position)
      )`);
    await q.query(`CREATE INDEX case_party_id_number ON case_party (id_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_party');
    await q.query('DROP TABLE enforcement_case');
    await q.query('DROP TABLE case_number_sequence');
  }
}
