import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Courts and the people who log in to them. */
export class UsersAndCourts1764300000200 implements MigrationInterface {
  name = 'UsersAndCourts1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE court (
        code  TEXT PRIMARY KEY,
        name  TEXT NOT NULL
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id               UUID PRIMARY KEY,
        username         TEXT NOT NULL UNIQUE,
        display_name     TEXT NOT NULL,
        password_hash    TEXT NOT NULL,
        roles            TEXT[] NOT NULL,
        court_code       TEXT NOT NULL REFERENCES court (code),
        party_id_number  TEXT,
        disabled         BOOLEAN NOT NULL DEFAULT false,
        created_at       TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE app_user');
    await q.query('DROP TABLE court');
  }
}
