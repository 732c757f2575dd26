/** Funding rules with their history: a change is a new revision, older ones stay (what a past simulation used). */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { RuleSource } from '../../api/contracts/funding-rules'

export const fundingRules = sqliteTable(
  'funding_rules',
  {
    id: text('id').notNull(),
    revision: integer('revision').notNull(),
    kind: text('kind').notNull(),
    scheme: text('scheme').notNull(),
    opcoId: text('opco_id'),
    idcc: text('idcc', { mode: 'json' }).$type<string[] | null>(),
    /** The OPCO's own branch label, for scales published per branch without IDCC codes. */
    branch: text('branch'),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    params: text('params', { mode: 'json' }).notNull(),
    source: text('source', { mode: 'json' }).$type<RuleSource>().notNull(),
    note: text('note'),
    /** `seed` (db/data/funding-rules.json) or `admin` (PUT /v1/admin/funding-rules/:id). */
    origin: text('origin').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.id, table.revision] }),
    index('funding_rules_scheme_idx').on(table.scheme, table.kind),
  ],
)
