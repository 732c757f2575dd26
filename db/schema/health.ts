/** The readiness probe's own row: GET /health/ready writes it to prove the database takes writes. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const healthChecks = sqliteTable('health_checks', {
  /** One row per probe kind: `ready`. */
  id: text('id').primaryKey(),
  checkedAt: text('checked_at').notNull(),
})
