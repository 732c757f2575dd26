/** A real libSQL database for tests: in memory (or a temp file), migrated and seeded like the product's. */
import { createClient, type Client } from '@libsql/client'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, type Db } from '../../db/client'
import { migrateDatabase } from '../../db/migrate'
import { seedReferenceData } from '../../db/seed'
import { seedFundingRules } from '../../db/seed-funding-rules'
import { seedAdvisors } from '../../db/seed-advisors'

export interface TestDatabase {
  client: Client
  db: Db
}

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const client = createClient({ url: ':memory:' })
  await migrateDatabase(client)
  const db = createDb(client)
  if (options.seed ?? true) {
    await seedReferenceData(client)
    await seedFundingRules(db)
    await seedAdvisors(db)
  }
  return { client, db }
}

/** A `file:` URL in a fresh temp folder, for tests that restart on the same database. */
export async function tempDatabaseUrl(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'ganapati-test-'))
  return `file:${join(folder, 'ganapati.db')}`
}
