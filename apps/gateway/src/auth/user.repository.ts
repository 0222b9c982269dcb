import { randomUUID } from 'node:crypto';
import type { Role } from '@writ/contracts';
import type { DataSource } from 'typeorm';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  courtCode: string;
  courtName: string;
  partyIdNumber?: string;
  disabled: boolean;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  court_code: string;
  court_name: string;
  party_id_number: string | null;
  disabled: boolean;
}

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserAccount | null> {
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT u.*, c.name AS court_name FROM app_user u JOIN court c ON c.code = u.court_code WHERE u.username = $1`,
      [username],
    );
    return row ? toAccount(row) : null;
  }

  async findById(id: string): Promise<UserAccount | null> {
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT u.*, c.name AS court_name FROM app_user u JOIN court c ON c.code = u.court_code WHERE u.id = $1`,
      [id],
    );
    return row ? toAccount(row) : null;
  }

  /** The court's staff (not its parties' accounts), by username: whom the UI names on a record. */
  async staffOf(courtCode: string): Promise<UserAccount[]> {
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT u.*, c.name AS court_name FROM app_user u JOIN court c ON c.code = u.court_code
        WHERE u.court_code = $1 AND u.party_id_number IS NULL ORDER BY u.username`,
      [courtCode],
    );
    return rows.map(toAccount);
  }

  async ensureCourt(code: string, name: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO court (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING',
      [code, name],
    );
  }

  /** Adds the user unless the username exists; returns whether it was added. */
  async addIfMissing(user: Omit<UserAccount, 'id' | 'courtName' | 'disabled'>, now: Date): Promise<boolean> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO app_user (id, username, display_name, password_hash, roles, court_code, party_id_number, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        user.username,
        user.displayName,
        user.passwordHash,
        user.roles,
        user.courtCode,
        user.partyIdNumber ?? null,
        now,
      ],
    );
    return inserted.length > 0;
  }
}

function toAccount(row: UserRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: row.roles,
    courtCode: row.court_code,
    courtName: row.court_name,
    ...(row.party_id_number ? { partyIdNumber: row.party_id_number } : {}),
    disabled: row.disabled,
  };
}
