/** Loads the reference data from libSQL into a ConventionCatalog and keeps it warm: every lookup is then served from memory. */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import escapeCodes from '../../db/data/idcc-escape-codes.json'
import { conventionOpcos, conventions, opcos, referenceImports } from '../../db/schema'
import { REFERENCE_DATASET } from '../../db/reference-dataset'
import type { Opco, OpcoId } from '../contracts/opcos'
import { ConventionCatalog } from '../domain/convention-catalog'
import type { ConventionRecord, OpcoPair } from '../domain/convention-opco'
import type { Clock } from './clock'
import { ProblemError } from '../middleware/problem'

/** The reference tables change with a monthly import; a reload this often picks an import up without a restart. */
const RELOAD_AFTER_MS = 5 * 60 * 1000

async function loadCatalog(db: Db): Promise<ConventionCatalog> {
  const [opcoRows, conventionRows, pairRows, importRows] = await db.batch([
    db.select().from(opcos),
    db.select().from(conventions),
    db.select().from(conventionOpcos),
    db.select().from(referenceImports).where(eq(referenceImports.dataset, REFERENCE_DATASET)),
  ])
  const edition = importRows[0]?.edition
  if (!edition || opcoRows.length === 0) {
    throw new ProblemError(
      503,
      'reference-data-missing',
      'Données de référence absentes',
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
    // Stable sort: equal counts keep the table's order (the SIRO rank), e.g. 9062 AKTO 1 / OCAPIAT 1.
    pairs: (pairsByIdcc.get(row.idcc) ?? []).sort((a, b) => b.siretCount - a.siretCount),
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
  return new ConventionCatalog({
    opcos: opcoList,
    conventions: records,
    escapeCodes: escapeCodes.codes,
    escapeNextStep: escapeCodes.nextStep,
    source: { dataset: REFERENCE_DATASET, edition },
  })
}

export class ReferenceStore {
  readonly #clock: Clock
  #catalog: Promise<ConventionCatalog> | undefined
  #loadedAt = 0

  constructor(clock: Clock) {
    this.#clock = clock
  }

  /** The catalog, loaded on first use; concurrent first requests share one load, a failed load is retried next time. */
  catalog(db: Db): Promise<ConventionCatalog> {
    const now = this.#clock.now()
    if (!this.#catalog || now - this.#loadedAt > RELOAD_AFTER_MS) {
      this.#loadedAt = now
      const loading = loadCatalog(db)
      // Keep serving the previous catalog while a reload is in flight.
      const previous = this.#catalog
      this.#catalog = previous ? loading.catch(() => previous) : loading
      loading.catch(() => {
        if (this.#catalog === loading) this.#catalog = undefined
      })
    }
    return this.#catalog
  }
}
