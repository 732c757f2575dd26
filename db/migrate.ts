/** Applies the committed drizzle-kit migrations (db/migrations) to a libSQL database — Node only (reads the folder). */
import type { Client } from '@libsql/client'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { fileURLToPath } from 'node:url'
import { createDb } from './client'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))

export async function migrateDatabase(client: Client): Promise<void> {
  await migrate(createDb(client), { migrationsFolder: MIGRATIONS_FOLDER })
}
