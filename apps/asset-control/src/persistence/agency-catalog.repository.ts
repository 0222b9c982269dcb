import type { AssetClass, PartyKind } from '@writ/contracts';
import type { EntityManager } from 'typeorm';
import type { AgencyKindDefinition } from '../domain/agency-catalog.js';

/** A catalog entry as stored, with when and by whom it was last changed. */
export interface StoredAgencyKind extends AgencyKindDefinition {
  updatedAt: Date;
  updatedBy: string;
}

type Row = Record<string, unknown>;

function kindOf(r: Row): StoredAgencyKind {
  return {
    code: r['code'] as string,
    nameZh: r['name_zh'] as string,
    nameEn: r['name_en'] as string,
    assetClass: r['asset_class'] as AssetClass,
    appliesTo: r['applies_to'] as PartyKind[],
    reachesLinkedPersons: r['reaches_linked_persons'] as boolean,
    province: r['province'] as string | null,
    active: r['active'] as boolean,
    updatedAt: new Date(r['updated_at'] as string),
    updatedBy: r['updated_by'] as string,
  };
}

const COLUMNS = `code, name_zh, name_en, asset_class, applies_to, reaches_linked_persons, province, active,
  updated_at, updated_by`;

/** Reads and writes the catalog of agency kinds (查控渠道); no rules here. Nothing is ever deleted. */
export class AgencyCatalogRepository {
  /** The whole catalog: national kinds first, then provincial ones, each in the order they were added. */
  async all(manager: EntityManager): Promise<StoredAgencyKind[]> {
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM agency_kind ORDER BY province NULLS FIRST, position, code`,
    );
    return rows.map(kindOf);
  }

  async find(manager: EntityManager, code: string, lock = false): Promise<StoredAgencyKind | null> {
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM agency_kind WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [code],
    );
    return rows[0] ? kindOf(rows[0]) : null;
  }

  /** Adds the kind or changes it in place (its history is in the audit log). */
  async upsert(manager: EntityManager, k: AgencyKindDefinition, at: Date, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO agency_kind (code, name_zh, name_en, asset_class, applies_to, reaches_linked_persons, province,
         active, position, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, (SELECT coalesce(max(position), 0) + 1 FROM agency_kind),
         $9, $10)
       ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3, applies_to = $5::text[],
         reaches_linked_persons = $6, active = $8, updated_at = $9, updated_by = $10`,
      [
        k.code,
        k.nameZh,
        k.nameEn,
        k.assetClass,
        [...k.appliesTo],
        k.reachesLinkedPersons,
        k.province,
        k.active,
        at.toISOString(),
        by,
      ],
    );
  }
}
