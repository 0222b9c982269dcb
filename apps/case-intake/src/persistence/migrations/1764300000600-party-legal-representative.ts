import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation party's legal representative (法定代表人), kept with the party: measures reach the
 * person (限制消费, 限制出境 — DOMAIN.md §9), and asset-control asks about them through `case.registered`.
 */
export class PartyLegalRepresentative1764300000600 implements MigrationInterface {
  name = 'PartyLegalRepresentative1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_party
        ADD COLUMN legal_rep_name       TEXT,
        ADD COLUMN legal_rep_id_number  TEXT,
        ADD CONSTRAINT case_party_legal_rep CHECK (
          (legal_rep_name IS NULL) = (legal_rep_id_number IS NULL)
          AND (legal_rep_name IS NULL OR kind = 'ORGANISATION'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_party DROP CONSTRAINT case_party_legal_rep, DROP COLUMN legal_rep_id_number, DROP COLUMN legal_rep_name`,
    );
  }
}
