/** Loads the reference data of db/data into the database, once per content: a restart finds the same digest and does nothing. */
import type { Client } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createDb } from './client'
import { conventionRows, opcoRows, pairRows } from './reference-data'
import { conventionOpcos, conventions, opcos, REFERENCE_DATASET, referenceImports } from './schema'

export const DATA_FOLDER = fileURLToPath(new URL('./data', import.meta.url))

const FILES = ['opco.json', 'idcc-opco.csv', 'idcc-opco.meta.json', 'idcc-labels.csv'] as const

export interface SeedResult {
  status: 'loaded' | 'unchanged'
  edition: string
  opcos: number
  conventions: number
  pairs: number
}

/** SQLite caps the number of bound parameters per statement; 100 rows × ≤ 8 columns stays far below it. */
const ROWS_PER_INSERT = 100

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    out.push(rows.slice(start, start + ROWS_PER_INSERT))
  return out
}

export async function seedReferenceData(
  client: Client,
  dataFolder = DATA_FOLDER,
): Promise<SeedResult> {
  const contents = await Promise.all(FILES.map((name) => readFile(`${dataFolder}/${name}`, 'utf8')))
  const [opcoJson, pairsCsv, metaJson, labelsCsv] = contents as [string, string, string, string]
  const digest = createHash('sha256')
  for (const content of contents) digest.update(content)
  const sha256 = digest.digest('hex')
  const meta = JSON.parse(metaJson) as { edition: string }

  const opcoList = opcoRows(opcoJson)
  const pairs = pairRows(pairsCsv)
  const conventionList = conventionRows(labelsCsv, pairs)
  const counts = { opcos: opcoList.length, conventions: conventionList.length, pairs: pairs.length }

  const db = createDb(client)
  const [current] = await db
    .select()
    .from(referenceImports)
    .where(eq(referenceImports.dataset, REFERENCE_DATASET))
  if (current?.sha256 === sha256)
    return { status: 'unchanged', edition: current.edition, ...counts }

  // One batch is one transaction: readers see the old data or the new, never a mix.
  await db.batch([
    db.delete(conventionOpcos),
    db.delete(conventions),
    db.delete(opcos),
    ...chunks(opcoList).map((rows) => db.insert(opcos).values(rows)),
    ...chunks(conventionList).map((rows) => db.insert(conventions).values(rows)),
    ...chunks(pairs).map((rows) => db.insert(conventionOpcos).values(rows)),
    db
      .insert(referenceImports)
      .values({
        dataset: REFERENCE_DATASET,
        edition: meta.edition,
        sha256,
        rowCount: pairs.length,
        importedAt: new Date().toISOString(),
      })
      .onConflictDoUpdate({
        target: referenceImports.dataset,
        set: {
          edition: meta.edition,
          sha256,
          rowCount: pairs.length,
          importedAt: new Date().toISOString(),
        },
      }),
  ])
  return { status: 'loaded', edition: meta.edition, ...counts }
}
