/** Loads the reference data from libSQL into a ConventionCatalog and keeps it warm: every lookup is then served from memory. */
import { asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import escapeCodes from '../../db/data/idcc-escape-codes.json'
import {
  conventionOpcos,
  conventions,
  opcos,
  REFERENCE_DATASET,
  referenceImports,
} from '../../db/schema'
import type { Opco, OpcoId } from '../contracts/opcos'
import { ConventionCatalog } from '../domain/convention-catalog'
import type { ConventionRecord, OpcoPair } from '../domain/convention-opco'
import type { Clock } from './clock'
import { ProblemError } from '../middleware/problem'

/**
 * The reference tables change with a monthly import: checking the import's digest this often (one
 * row) picks a new import up without a restart; the catalog is rebuilt only when the digest moved.
 */
const RECHECK_AFTER_MS = 5 * 60 * 1000

interface Loaded {
  catalog: ConventionCatalog
  sha256: string
}

const importedDataset = (db: Db) =>
  db.select().from(referenceImports).where(eq(referenceImports.dataset, REFERENCE_DATASET))

async function loadCatalog(db: Db): Promise<Loaded> {
  const [opcoRows, conventionRows, pairRows, importRows] = await db.batch([
    db.select().from(opcos),
    db.select().from(conventions),
    // Most SIRETs first; a tie goes to the OPCO id in alphabetical order (9062: AKTO 1 / OCAPIAT 1).
    db
      .select()
      .from(conventionOpcos)
      .orderBy(
        asc(conventionOpcos.idcc),
        desc(conventionOpcos.siretCount),
        asc(conventionOpcos.opcoId),
      ),
    importedDataset(db),
  ])
  const imported = importRows[0]
  if (!imported || opcoRows.length === 0) {
    throw new ProblemError(
      'reference-data-missing',
      "La base ne contient pas encore les données de référence (OPCO, conventions) : lancez l'import.",
    )
  }
  const pairsByIdcc = new Map<string, OpcoPair[]>()
  for (const pair of pairRows) {
    const list = pairsByIdcc.get(pair.idcc) ?? []
    list.push({ opcoId: pair.opcoId as OpcoId, siretCount: pair.siretCount })
    pairsByIdcc.set(pair.idcc, list)
  }
  const records: ConventionRecord[] = conventionRows.map((row) => ({
    idcc: row.idcc,
    title: row.title,
    pairs: pairsByIdcc.get(row.idcc) ?? [],
  }))
  const opcoList: Opco[] = opcoRows.map((row) => ({
    id: row.id as OpcoId,
    name: row.name,
    shortName: row.shortName,
    nameInFrenchSentence: row.nameInFrenchSentence,
    website: row.website,
    fundingCriteriaUrl: row.fundingCriteriaUrl,
    sectors: row.sectors,
    fundingRequest: row.fundingRequest ?? null,
  }))
  const catalog = new ConventionCatalog({
    opcos: opcoList,
    conventions: records,
    escapeCodes: escapeCodes.codes,
    escapeNextStep: escapeCodes.nextStep,
    source: { dataset: REFERENCE_DATASET, edition: imported.edition },
  })
  return { catalog, sha256: imported.sha256 }
}

export class ReferenceStore {
  readonly #clock: Clock
  #current: Loaded | undefined
  #firstLoad: Promise<Loaded> | undefined
  #checkedAt = 0

  constructor(clock: Clock) {
    this.#clock = clock
  }

  /**
   * The catalog in memory. The first call loads it (concurrent first calls share that load; a
   * failure is retried on the next call); later calls never wait: a due check runs beside them.
   */
  async catalog(db: Db): Promise<ConventionCatalog> {
    if (this.#current) {
      const now = this.#clock.now()
      if (now - this.#checkedAt > RECHECK_AFTER_MS) {
        this.#checkedAt = now
        void this.refresh(db)
      }
      return this.#current.catalog
    }
    this.#firstLoad ??= loadCatalog(db).finally(() => {
      this.#firstLoad = undefined
    })
    const loaded = await this.#firstLoad
    this.#current ??= loaded
    this.#checkedAt = this.#clock.now()
    return this.#current.catalog
  }

  /** Rebuilds the catalog when the import's digest changed; on failure the current one stays. */
  async refresh(db: Db): Promise<void> {
    try {
      const [imported] = await importedDataset(db)
      if (!imported || imported.sha256 === this.#current?.sha256) return
      this.#current = await loadCatalog(db)
    } catch (error) {
      console.error('reference data reload failed; serving the loaded catalog', error)
    }
  }
}
