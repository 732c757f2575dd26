/** The conventions collectives in memory: lookup by IDCC and search by number prefix or words, biggest conventions first. */
import type { ConventionAnswer, ConventionSuggestion } from '../contracts/conventions'
import type { Opco, OpcoId } from '../contracts/opcos'
import {
  answerConvention,
  answerEscapeCode,
  type ConventionRecord,
  type EscapeCode,
  type PairsEdition,
  type Translated,
} from './convention-opco'
import type { Lang } from './reason-text'
import { queryWords } from './text'
import { frenchTypography } from './french-typography'

interface Entry {
  idcc: string
  /** The IDCC without its leading zeros, so `16` finds `0016`. */
  shortIdcc: string
  title: string | null
  opcoId: OpcoId | null
  siretCount: number
  /** Normalised words of the IDCC and title, each query word must begin one of them. */
  words: string[]
  answer: Record<Lang, () => ConventionAnswer>
}

export interface CatalogInput {
  opcos: Opco[]
  conventions: ConventionRecord[]
  escapeCodes: EscapeCode[]
  escapeNextStep: Translated
  source: PairsEdition
}

/** Suggestions are asked for again and again as visitors type the same first letters. */
const SEARCH_MEMO_ENTRIES = 1000

function once<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

/** An answer per language, each built on first use and then shared. */
function perLang(make: (lang: Lang) => ConventionAnswer): Record<Lang, () => ConventionAnswer> {
  return { fr: once(() => make('fr')), en: once(() => make('en')) }
}

export class ConventionCatalog {
  readonly opcos: ReadonlyMap<OpcoId, Opco>
  readonly source: PairsEdition
  readonly #entries = new Map<string, Entry>()
  /** Sorted by SIRET count, descending, so a filtered scan is already in answer order. */
  readonly #bySize: Entry[]
  readonly #searches = new Map<string, ConventionSuggestion[]>()

  constructor(input: CatalogInput) {
    this.opcos = new Map(input.opcos.map((opco) => [opco.id, opco]))
    this.source = input.source
    for (const source of input.conventions) {
      // The official titles are typed plainly (« bureaux d'études »); visitors read them typeset.
      const record = { ...source, title: source.title && frenchTypography(source.title) }
      const main = record.pairs[0]
      this.#entries.set(record.idcc, {
        idcc: record.idcc,
        shortIdcc: record.idcc.replace(/^0+/, ''),
        title: record.title,
        opcoId: main?.opcoId ?? null,
        siretCount: record.pairs.reduce((sum, pair) => sum + pair.siretCount, 0),
        words: queryWords(`${record.idcc} ${record.title ?? ''}`),
        answer: perLang((lang) => answerConvention(record, this.opcos, input.source, lang)),
      })
    }
    for (const escape of input.escapeCodes) {
      this.#entries.set(escape.code, {
        idcc: escape.code,
        shortIdcc: escape.code,
        title: escape.label.fr,
        opcoId: null,
        siretCount: 0,
        words: queryWords(`${escape.code} ${escape.label.fr} ${escape.label.en}`),
        answer: perLang((lang) =>
          answerEscapeCode(escape, input.escapeNextStep, input.source, lang),
        ),
      })
    }
    this.#bySize = [...this.#entries.values()].sort((a, b) => b.siretCount - a.siretCount)
  }

  get size(): number {
    return this.#entries.size
  }

  /** `idcc` is zero-padded to 4 digits by the caller's validation. */
  find(idcc: string, lang: Lang = 'fr'): ConventionAnswer | null {
    return this.#entries.get(idcc)?.answer[lang]() ?? null
  }

  isEscapeCode(idcc: string): boolean {
    return this.#entries.get(idcc)?.answer.fr().escapeCode ?? false
  }

  /** The same query gives the same (frozen) array, so callers may cache what they derive from it. */
  search(query: string, limit: number): readonly ConventionSuggestion[] {
    // The query as typed first (no normalising on a hit), then its normalised form.
    const asTyped = `${limit}|${query}`
    const known = this.#searches.get(asTyped)
    if (known) return known
    const trimmed = query.trim()
    const normalised = `${limit}|${/^\d+$/.test(trimmed) ? trimmed : queryWords(query).join(' ')}`
    const items =
      this.#searches.get(normalised) ??
      (Object.freeze(this.#scan(query, limit)) as ConventionSuggestion[])
    if (this.#searches.size >= SEARCH_MEMO_ENTRIES) this.#searches.clear()
    this.#searches.set(normalised, items)
    this.#searches.set(asTyped, items)
    return items
  }

  #scan(query: string, limit: number): ConventionSuggestion[] {
    const trimmed = query.trim()
    const matches = /^\d{1,4}$/.test(trimmed)
      ? (entry: Entry) => entry.idcc.startsWith(trimmed) || entry.shortIdcc.startsWith(trimmed)
      : this.#wordMatcher(trimmed)
    const items: ConventionSuggestion[] = []
    for (const entry of this.#bySize) {
      if (!matches(entry)) continue
      items.push({ idcc: entry.idcc, title: entry.title, opcoId: entry.opcoId })
      if (items.length === limit) break
    }
    return items
  }

  #wordMatcher(query: string): (entry: Entry) => boolean {
    const words = queryWords(query)
    if (words.length === 0) return () => false
    // Word prefixes, so « boulang » finds « boulangerie » but « art » does not find « particuliers ».
    return (entry) =>
      words.every((word) => entry.words.some((candidate) => candidate.startsWith(word)))
  }
}
