/** Reference tables: the 11 OPCOs, the conventions collectives (IDCC) and the IDCC→OPCO pairs of France compétences' SIRET-OPCO table. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { FundingRequest } from '../../api/contracts/opcos'

export const opcos = sqliteTable('opcos', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // Defaults only let the column be added to an existing table; the seed always fills them.
  shortName: text('short_name').notNull().default(''),
  nameInFrenchSentence: text('name_in_french_sentence').notNull().default(''),
  labelSiro: text('label_siro').notNull(),
  siren: text('siren'),
  website: text('website'),
  fundingCriteriaUrl: text('funding_criteria_url'),
  simulatorUrl: text('simulator_url'),
  sectors: text('sectors').notNull(),
  /** Where and how the company files its funding request, from the seed flyers; null where none says. */
  fundingRequest: text('funding_request', { mode: 'json' }).$type<FundingRequest | null>(),
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

/** Name under which the SIRO IDCC→OPCO reference data is recorded in `reference_imports`. */
export const REFERENCE_DATASET = 'siro-idcc-opco'

/** One row per dataset load: which file, which edition, its digest — makes seeding idempotent. */
export const referenceImports = sqliteTable('reference_imports', {
  dataset: text('dataset').primaryKey(),
  edition: text('edition').notNull(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  importedAt: text('imported_at').notNull(),
})
