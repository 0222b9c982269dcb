import type { EntityManager } from 'typeorm';
import { settingsWithDefaults, type CourtSettings } from '../domain/court-settings.js';

/** Each court's own figures (triage, teams, node deadlines, holidays); the seed court's where unset. */
export class CourtSettingsRepository {
  async get(manager: EntityManager, courtCode: string): Promise<CourtSettings> {
    const [row] = await manager.query<{ settings: Partial<CourtSettings> }[]>(
      `SELECT settings FROM court_settings WHERE court_code = $1`,
      [courtCode],
    );
    return settingsWithDefaults(row?.settings, courtCode);
  }

  /** When and by whom the court last set its figures; null while it runs on the defaults. */
  async stamp(
    manager: EntityManager,
    courtCode: string,
  ): Promise<{ updatedAt: Date; updatedBy: string } | null> {
    const [row] = await manager.query<{ updated_at: Date; updated_by: string }[]>(
      `SELECT updated_at, updated_by FROM court_settings WHERE court_code = $1`,
      [courtCode],
    );
    return row ? { updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
  }

  async put(
    manager: EntityManager,
    courtCode: string,
    settings: CourtSettings,
    by: { at: Date; userId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO court_settings (court_code, settings, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (court_code) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by`,
      [courtCode, JSON.stringify(settings), by.at, by.userId],
    );
  }
}
