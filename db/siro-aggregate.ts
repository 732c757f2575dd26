/**
 * Aggregates France compétences' « Table SIRET-OPCO » (SIRO: `SIRET|IDCC|OPCO_PROPRIETAIRE|OPCO_GESTION`, one line
 * per SIRET) into IDCC→OPCO pairs with their SIRET counts — the shape of db/data/idcc-opco.csv.
 */
import { padIdcc } from '../api/domain/idcc'
import { toCsv } from './csv'

export interface SiroPair {
  idcc: string
  opcoId: string
  opcoLabel: string
  siretCount: number
  sharePercent: string
  rank: number
  opcoCount: number
  escapeCode: boolean
}

export const IDCC_OPCO_COLUMNS = [
  'idcc',
  'opco_id',
  'opco_label_siro',
  'siret_count',
  'share_of_idcc_siret_pct',
  'rank_within_idcc',
  'n_opco_for_idcc',
  'is_escape_code',
]

export const SIRO_HEADER = 'SIRET|IDCC|OPCO_PROPRIETAIRE|OPCO_GESTION'

export class SiroAggregator {
  readonly #opcoIdByLabel: ReadonlyMap<string, string>
  readonly #escapeCodes: ReadonlySet<string>
  readonly #counts = new Map<string, Map<string, number>>()
  readonly unknownLabels = new Set<string>()
  lines = 0
  /** Lines without IDCC or OPCO: SIRETs in anomaly or not yet known (dictionary § 3.2/3.3), not errors. */
  skipped = 0

  constructor(options: {
    opcoIdByLabel: ReadonlyMap<string, string>
    escapeCodes: Iterable<string>
  }) {
    this.#opcoIdByLabel = options.opcoIdByLabel
    this.#escapeCodes = new Set(options.escapeCodes)
  }

  /** One data line of the SIRO file (not the header). The pair is read on OPCO_PROPRIETAIRE (OPCO_GESTION only says AKTO manages overseas). */
  add(line: string): void {
    if (line.trim() === '') return
    this.lines++
    const [siret, idcc, owner] = line.split('|')
    if (!siret || !idcc?.trim() || !owner?.trim()) {
      this.skipped++
      return
    }
    const label = owner.trim()
    if (!this.#opcoIdByLabel.has(label)) this.unknownLabels.add(label)
    const code = padIdcc(idcc)
    const byLabel = this.#counts.get(code) ?? new Map<string, number>()
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1)
    this.#counts.set(code, byLabel)
  }

  pairs(): SiroPair[] {
    const pairs: SiroPair[] = []
    for (const idcc of [...this.#counts.keys()].sort()) {
      const byLabel = this.#counts.get(idcc) ?? new Map<string, number>()
      const total = [...byLabel.values()].reduce((sum, count) => sum + count, 0)
      const ranked = [...byLabel.entries()]
        .map(([label, count]) => ({ label, count, opcoId: this.#opcoIdByLabel.get(label) ?? '' }))
        .sort((a, b) => b.count - a.count || a.opcoId.localeCompare(b.opcoId))
      ranked.forEach((item, index) =>
        pairs.push({
          idcc,
          opcoId: item.opcoId,
          opcoLabel: item.label,
          siretCount: item.count,
          sharePercent: ((item.count * 100) / total).toFixed(2),
          rank: index + 1,
          opcoCount: ranked.length,
          escapeCode: this.#escapeCodes.has(idcc),
        }),
      )
    }
    return pairs
  }
}

export function pairsToCsv(pairs: SiroPair[]): string {
  return toCsv(
    IDCC_OPCO_COLUMNS,
    pairs.map((pair) => [
      pair.idcc,
      pair.opcoId,
      pair.opcoLabel,
      pair.siretCount,
      pair.sharePercent,
      pair.rank,
      pair.opcoCount,
      String(pair.escapeCode),
    ]),
  )
}

/** `siro-202609.csv` → `2026-09`. */
export function editionFromFileName(name: string): string | null {
  const match = /siro-(\d{4})(\d{2})/i.exec(name)
  return match ? `${match[1]}-${match[2]}` : null
}
