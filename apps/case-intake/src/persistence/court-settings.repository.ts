import type { EntityManager } from 'typeorm';
import { settingsWithDefaults, type CourtSettings } from '../domain/court-settings.js';

/** How long a court's settings are reused before being read again (another replica may have changed them). */
const SETTINGS_TTL_MS = 10_000;

/**
 * Each court's own figures (triage, teams, node deadlines, holidays); the seed court's where unset.
 * Every registration reads them, and they change a few times a year: they are kept for a few seconds,
 * and a change made through this process is seen at once.
 */
export class CourtSettingsRepository {
  private readonly recent = new Map<string, { settings: CourtSettings; until: number }>();

  async get(manager: EntityManager, courtCode: string): Promise<CourtSettings> {
    const kept = this.recent.get(courtCode);
    if (kept && kept.until > Date.now()) return kept.settings;
    const [row] = await manager.query<{ settings: Partial<CourtSettings> }[]>(
      `SELECT settings FROM court_settings WHERE court_code = $1`,
      [courtCode],
    );
    const settings = settingsWithDefaults(row?.settings, courtCode);
    this.recent.set(courtCode, { settings, until: Date.now() + SETTINGS_TTL_MS });
    return settings;
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
    // read afresh next time, after this transaction has committed or not
    this.recent.delete(courtCode);
  }
}
