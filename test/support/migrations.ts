/** A database migrated up to, not including, one committed migration, to test that migration on existing rows. */
import { createClient, type Client } from '@libsql/client'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { MIGRATIONS_FOLDER } from '../../db/migrate'

/** The statements of one committed migration, as drizzle's migrator splits them. */
export async function migrationStatements(file: string): Promise<string[]> {
  const text = await readFile(join(MIGRATIONS_FOLDER, file), 'utf8')
  return text
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter(Boolean)
}

/** An in-memory database with every migration before `file` applied. */
export async function migratedUpTo(file: string): Promise<Client> {
  const client = createClient({ url: ':memory:' })
  const files = (await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql')).sort()
  for (const earlier of files.slice(0, files.indexOf(file))) {
    await client.batch(await migrationStatements(earlier), 'write')
  }
  return client
}
