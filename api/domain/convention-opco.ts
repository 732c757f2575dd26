/** Which OPCO funds a convention collective (IDCC), how sure we are, and why — from the IDCC→OPCO pairs of the SIRET-OPCO table. */
import type { Alternative, Confidence, ConventionAnswer } from '../contracts/conventions'
import type { Opco, OpcoId } from '../contracts/opcos'
import { REASONS, type Lang } from './reason-text'
import { frenchTypography } from './french-typography'

export interface OpcoPair {
  opcoId: OpcoId
  siretCount: number
}

export interface ConventionRecord {
  idcc: string
  title: string | null
  /** Every OPCO declared with this IDCC, most SIRETs first (ties keep the source file's order). */
  pairs: OpcoPair[]
}

export type Translated = Record<Lang, string>

export interface EscapeCode {
  code: string
  label: Translated
  reason: Translated
}

/** Where the pairs come from, for the answer's `source` and its wording (« table SIRET-OPCO de juin 2026 »). */
export interface PairsEdition {
  dataset: string
  /** `YYYY-MM`, the DSN month of the SIRO file. */
  edition: string
}

/**
 * Confidence thresholds, as defined for idcc-opco-primary.csv (shared/data/SOURCES.md):
 * high = main OPCO holds ≥ 95 % of the IDCC's SIRETs and the IDCC has ≥ 20 SIRETs; medium = ≥ 80 %; low below.
 */
const HIGH_SHARE_PERCENT = 95
const HIGH_MIN_SIRETS = 20
const MEDIUM_SHARE_PERCENT = 80

export function confidenceOf(mainSirets: number, totalSirets: number): Confidence {
  if (mainSirets * 100 >= HIGH_SHARE_PERCENT * totalSirets && totalSirets >= HIGH_MIN_SIRETS)
    return 'high'
  if (mainSirets * 100 >= MEDIUM_SHARE_PERCENT * totalSirets) return 'medium'
  return 'low'
}

/** Answers an IDCC that is a real convention: the main OPCO is the one with the most SIRETs. */
export function answerConvention(
  record: ConventionRecord,
  opcos: ReadonlyMap<OpcoId, Opco>,
  source: PairsEdition,
  lang: Lang = 'fr',
): ConventionAnswer {
  const [first, ...others] = record.pairs
  const main = first ? opcos.get(first.opcoId) : undefined
  if (!first || !main) {
    return {
      idcc: record.idcc,
      title: record.title,
      opco: null,
      share: null,
      alternatives: [],
      confidence: null,
      reason: REASONS[lang].undeclaredConvention(record.idcc, source.edition),
      escapeCode: false,
      source,
    }
  }
  const total = record.pairs.reduce((sum, pair) => sum + pair.siretCount, 0)
  const confidence = confidenceOf(first.siretCount, total)
  const alternatives: Alternative[] = others.map((pair) => ({
    opcoId: pair.opcoId,
    share: pair.siretCount / total,
  }))
  const reason = REASONS[lang].convention({
    idcc: record.idcc,
    opco: main.name,
    total,
    share: first.siretCount / total,
    others: others.map((pair) => ({
      opco: opcos.get(pair.opcoId)?.name ?? pair.opcoId,
      count: pair.siretCount,
    })),
    confidence,
    edition: source.edition,
  })
  return {
    idcc: record.idcc,
    title: record.title,
    opco: main,
    share: first.siretCount / total,
    alternatives,
    confidence,
    reason,
    escapeCode: false,
    source,
  }
}

const typeset = (text: string, lang: Lang) => (lang === 'fr' ? frenchTypography(text) : text)

/** Answers an escape code (9999, 9998, 5501, 5100): no OPCO, and what to do instead. */
export function answerEscapeCode(
  escape: EscapeCode,
  nextStep: Translated,
  source: PairsEdition,
  lang: Lang = 'fr',
): ConventionAnswer {
  return {
    idcc: escape.code,
    title: escape.label[lang],
    opco: null,
    share: null,
    alternatives: [],
    confidence: null,
    // The data file's French is typed plainly; the visitor reads it typeset.
    reason: typeset(`${escape.reason[lang]} ${nextStep[lang]}`, lang),
    escapeCode: true,
    source,
  }
}
