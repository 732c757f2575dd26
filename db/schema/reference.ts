/** Reference tables: the 11 OPCOs, the conventions collectives (IDCC) and the IDCC→OPCO pairs of France compétences' SIRET-OPCO table. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const opcos = sqliteTable('opcos', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  labelSiro: text('label_siro').notNull(),
  siren: text('siren'),
  website: text('website'),
  fundingCriteriaUrl: text('funding_criteria_url'),
  simulatorUrl: text('simulator_url'),
  sectors: text('sectors').notNull(),
})

export const conventions = sqliteTable('conventions', {
  idcc: text('idcc').primaryKey(),
  title: text('title'),
  shortTitle: text('short_title'),
  legifranceUrl: text('legifrance_url'),
})

export const conventionOpcos = sqliteTable(
  'convention_opcos',
  {
    idcc: text('idcc').notNull(),
    opcoId: text('opco_id')
      .notNull()
      .references(() => opcos.id),
    siretCount: integer('siret_count').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.idcc, table.opcoId] }),
    index('convention_opcos_opco_idx').on(table.opcoId),
  ],
)

/** One row per dataset load: which file, which edition, its digest — makes seeding idempotent. */
export const referenceImports = sqliteTable('reference_imports', {
  dataset: text('dataset').primaryKey(),
  edition: text('edition').notNull(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  importedAt: text('imported_at').notNull(),
})
