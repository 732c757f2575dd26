/** Which OPCO funds a convention collective (IDCC), how sure we are, and why — from the IDCC→OPCO pairs of the SIRET-OPCO table. */
import type { Alternative, Confidence, ConventionAnswer } from '../contracts/conventions'
import type { Opco, OpcoId } from '../contracts/opcos'

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

export interface EscapeCode {
  code: string
  label: string
  reason: string
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

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']

export function editionLabel(edition: string): string {
  const [year, month] = edition.split('-')
  const name = MONTHS_FR[Number(month) - 1]
  return name ? `${name} ${year}` : edition
}

export function confidenceOf(mainSirets: number, totalSirets: number): Confidence {
  if (mainSirets * 100 >= HIGH_SHARE_PERCENT * totalSirets && totalSirets >= HIGH_MIN_SIRETS) return 'high'
  if (mainSirets * 100 >= MEDIUM_SHARE_PERCENT * totalSirets) return 'medium'
  return 'low'
}

const integerFr = new Intl.NumberFormat('fr-FR')
// Truncated, so 253 637 of 253 639 reads « 99,99 % » and never a misleading « 100 % ».
const percentFr = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2, roundingMode: 'trunc' })

/** « de Constructys » but « d'Atlas », « d'OPCO 2i ». */
export function ofName(name: string): string {
  return /^[aeiouyéèàâîôh]/i.test(name) ? `d'${name}` : `de ${name}`
}

function establishments(count: number): string {
  return count === 1 ? '1 établissement' : `${integerFr.format(count)} établissements`
}

function reasonFor(
  record: ConventionRecord,
  main: Opco,
  opcoName: (id: OpcoId) => string,
  confidence: Confidence,
  total: number,
  source: PairsEdition,
): string {
  const [first, ...others] = record.pairs
  const table = `la table SIRET-OPCO de France compétences (${editionLabel(source.edition)})`
  if (!first) return ''
  if (others.length === 0) {
    const all = total === 1 ? "Le seul établissement" : `Les ${establishments(total)}`
    const sentence = `${all} déclarant l'IDCC ${record.idcc} dans ${table} relève${total === 1 ? '' : 'nt'} ${ofName(main.name)}.`
    return confidence === 'high'
      ? sentence
      : `${sentence} C'est peu de déclarations : vérifiez avec le SIRET de votre entreprise.`
  }
  const othersText = others
    .map((pair) => `${ofName(opcoName(pair.opcoId))} (${establishments(pair.siretCount)})`)
    .join(', ')
  const lead = `${percentFr.format(first.siretCount / total)} des ${establishments(total)} déclarant l'IDCC ${record.idcc} dans ${table} relèvent ${ofName(main.name)} ; les autres sont déclarés auprès ${othersText}.`
  if (confidence === 'high') return `${lead} Ces cas isolés sont probablement des anomalies de déclaration.`
  if (confidence === 'medium') return `${lead} Vérifiez avec le SIRET de votre entreprise.`
  return `${lead} Cet IDCC est partagé entre plusieurs OPCO (par exemple selon le territoire ou l'activité) : seul le SIRET de votre entreprise permet de trancher.`
}

/** Answers an IDCC that is a real convention: the main OPCO is the one with the most SIRETs. */
export function answerConvention(
  record: ConventionRecord,
  opcos: ReadonlyMap<OpcoId, Opco>,
  source: PairsEdition,
): ConventionAnswer {
  const opcoName = (id: OpcoId) => opcos.get(id)?.name ?? id
  const [first] = record.pairs
  const main = first ? opcos.get(first.opcoId) : undefined
  if (!first || !main) {
    return {
      idcc: record.idcc,
      title: record.title,
      opco: null,
      share: null,
      alternatives: [],
      confidence: null,
      reason: `Aucun établissement ne déclare l'IDCC ${record.idcc} dans la table SIRET-OPCO de France compétences (${editionLabel(source.edition)}) : cette convention a pu être fusionnée dans une autre ou n'est plus appliquée. Vérifiez l'IDCC sur un bulletin de paie, ou recherchez votre entreprise par son SIRET.`,
      escapeCode: false,
      source,
    }
  }
  const total = record.pairs.reduce((sum, pair) => sum + pair.siretCount, 0)
  const confidence = confidenceOf(first.siretCount, total)
  const alternatives: Alternative[] = record.pairs
    .slice(1)
    .map((pair) => ({ opcoId: pair.opcoId, share: pair.siretCount / total }))
  return {
    idcc: record.idcc,
    title: record.title,
    opco: main,
    share: first.siretCount / total,
    alternatives,
    confidence,
    reason: reasonFor(record, main, opcoName, confidence, total, source),
    escapeCode: false,
    source,
  }
}

/** Answers an escape code (9999, 9998, 5501, 5100): no OPCO, and what to do instead. */
export function answerEscapeCode(escape: EscapeCode, nextStep: string, source: PairsEdition): ConventionAnswer {
  return {
    idcc: escape.code,
    title: escape.label,
    opco: null,
    share: null,
    alternatives: [],
    confidence: null,
    reason: `${escape.reason} ${nextStep}`,
    escapeCode: true,
    source,
  }
}
