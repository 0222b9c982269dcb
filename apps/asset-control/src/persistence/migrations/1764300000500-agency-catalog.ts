import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency kinds become configuration (查控渠道): a catalog seeded with the national 总对总 categories
 * (DOMAIN.md §4), to which a director adds their province's own 点对点 sources. A kind is never deleted
 * (inquiries and findings name it), only deactivated. Controls record the asset class the law treated
 * their record as when ordered (民诉解释 2022 Art 485), so a control keeps its rules whatever later
 * happens to its kind. Inquiries may be about a person linked to an organisation respondent (its
 * 法定代表人). The seed is written out here, not imported, so this migration never changes.
 */
export class AgencyCatalog1764300000500 implements MigrationInterface {
  name = 'AgencyCatalog1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_kind (
        code                    TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        name_zh                 TEXT NOT NULL CHECK (name_zh <> ''),
        name_en                 TEXT NOT NULL CHECK (name_en <> ''),
        asset_class             TEXT NOT NULL CHECK (asset_class IN
                                  ('DEPOSIT', 'FINANCIAL_RIGHT', 'REAL_ESTATE', 'MOVABLE', 'INFORMATION')),
        applies_to              TEXT[] NOT NULL CHECK (cardinality(applies_to) > 0),
        reaches_linked_persons  BOOLEAN NOT NULL DEFAULT false,
        province                TEXT,
        active                  BOOLEAN NOT NULL DEFAULT true,
        position                INT NOT NULL,
        updated_at              TIMESTAMPTZ NOT NULL,
        updated_by              TEXT NOT NULL
      )`);
    const both = `ARRAY['NATURAL_PERSON', 'ORGANISATION']`;
    const persons = `ARRAY['NATURAL_PERSON']`;
    const national: [string, string, string, string, string, boolean][] = [
      ['BANK_DEPOSIT', '银行存款', 'Bank deposits', 'DEPOSIT', both, false],
      ['WEALTH_PRODUCT', '理财产品', 'Wealth products', 'FINANCIAL_RIGHT', both, false],
      ['ONLINE_PAYMENT', '网络支付账户', 'Online-payment balances', 'DEPOSIT', both, false],
      ['SECURITIES', '证券', 'Securities', 'FINANCIAL_RIGHT', both, false],
      ['REAL_ESTATE', '不动产', 'Real estate', 'REAL_ESTATE', both, false],
      ['VEHICLE', '车辆', 'Vehicles', 'MOVABLE', both, false],
      ['VESSEL', '船舶', 'Vessels', 'MOVABLE', both, false],
      [
        'BUSINESS_REGISTRATION',
        '工商登记（股权）',
        'Business registration (equity)',
        'FINANCIAL_RIGHT',
        both,
        false,
      ],
      ['EXIT_ENTRY', '出入境证件', 'Exit-entry documents', 'INFORMATION', persons, true],
      ['MARRIAGE', '婚姻登记', 'Marriage records', 'INFORMATION', persons, false],
      ['HOUSING_FUND', '住房公积金', 'Housing fund', 'DEPOSIT', persons, false],
      ['TAX', '税务', 'Tax', 'INFORMATION', both, false],
      ['SOCIAL_INSURANCE', '社会保险', 'Social insurance', 'INFORMATION', persons, false],
    ];
    for (const [position, [code, nameZh, nameEn, assetClass, appliesTo, reaches]] of national.entries()) {
      await q.query(
        `INSERT INTO agency_kind (code, name_zh, name_en, asset_class, applies_to, reaches_linked_persons,
           province, active, position, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, ${appliesTo}, $5, NULL, true, $6, now(), 'migration')`,
        [code, nameZh, nameEn, assetClass, reaches, position],
      );
    }

    // controls ordered so far keep the rules they were ordered under: wealth products were treated as
    // money (frozen by amount, deductible), the other kinds as the catalog now classes them
    await q.query(`ALTER TABLE asset_control ADD COLUMN asset_class TEXT`);
    await q.query(`
      UPDATE asset_control c SET asset_class =
        CASE WHEN c.agency_kind = 'WEALTH_PRODUCT' THEN 'DEPOSIT'
             ELSE coalesce((SELECT k.asset_class FROM agency_kind k WHERE k.code = c.agency_kind), 'INFORMATION')
        END`);
    await q.query(`
      ALTER TABLE asset_control ALTER COLUMN asset_class SET NOT NULL,
        ADD CONSTRAINT asset_control_asset_class CHECK (asset_class IN
          ('DEPOSIT', 'FINANCIAL_RIGHT', 'REAL_ESTATE', 'MOVABLE', 'INFORMATION'))`);

    // a person asked about because of an organisation respondent: its place, and the person's role
    await q.query(`
      ALTER TABLE asset_inquiry
        ADD COLUMN linked_to    INT CHECK (linked_to >= 0),
        ADD COLUMN linked_role  TEXT,
        ADD CONSTRAINT asset_inquiry_linked CHECK ((linked_to IS NULL) = (linked_role IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE asset_inquiry DROP CONSTRAINT asset_inquiry_linked, DROP COLUMN linked_role, DROP COLUMN linked_to`,
    );
    await q.query(
      `ALTER TABLE asset_control DROP CONSTRAINT asset_control_asset_class, DROP COLUMN asset_class`,
    );
    await q.query('DROP TABLE agency_kind');
  }
}
