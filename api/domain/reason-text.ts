/** The wording of every `reason` the API gives, in French (default) and English: numbers in, sentences out. */
import type { Confidence } from '../contracts/conventions'
import { frenchTypography } from './french-typography'

export type Lang = 'fr' | 'en'

export interface ConventionFacts {
  idcc: string
  /** Main OPCO's display name. */
  opco: string
  /** SIRETs declaring the IDCC in the SIRET-OPCO table, all OPCOs together. */
  total: number
  share: number
  others: { opco: string; count: number }[]
  confidence: Confidence
  /** `YYYY-MM` edition of the SIRET-OPCO table. */
  edition: string
}

export interface CompanyFacts {
  name: string
  idcc: string
  opco: string
  /**
   * Where the chosen IDCC is declared: the queried establishment (a SIRET query), the head office (a
   * SIREN query), or elsewhere in the company because the first declared code maps to no OPCO.
   */
  scope: 'establishment' | 'head-office' | 'other'
  /** Every real convention the company declares, the chosen one first. */
  declared: string[]
  conventionReason: string
  closed: boolean
}

export interface ReasonText {
  convention(facts: ConventionFacts): string
  undeclaredConvention(idcc: string, edition: string): string
  company(facts: CompanyFacts): string
  companyWithoutConvention(
    name: string,
    codes: string[],
    unmappedIdcc: string | null,
    closed: boolean,
  ): string
}

const MONTHS = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

export function editionLabel(edition: string, lang: Lang = 'fr'): string {
  const [year, month] = edition.split('-')
  const name = MONTHS[lang][Number(month) - 1]
  return name ? `${name} ${year}` : edition
}

/** « de Constructys » but « d'Atlas », « d'OPCO 2i ». */
export function ofName(name: string): string {
  return /^[aeiouyéèàâîôh]/i.test(name) ? `d'${name}` : `de ${name}`
}

const QUEL_EST_MON_OPCO = 'https://quel-est-mon-opco.francecompetences.fr'

function formats(locale: string) {
  const integer = new Intl.NumberFormat(locale)
  // Truncated, so 253 637 of 253 639 reads « 99,99 % » and never a misleading « 100 % ».
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 2,
    roundingMode: 'trunc',
  })
  return { integer: (n: number) => integer.format(n), percent: (n: number) => percent.format(n) }
}

const fr = formats('fr-FR')
const en = formats('en-GB')

const french: ReasonText = {
  convention(facts) {
    const count = (n: number) => (n === 1 ? '1 établissement' : `${fr.integer(n)} établissements`)
    const table = `la table SIRET-OPCO de France compétences (${editionLabel(facts.edition, 'fr')})`
    if (facts.others.length === 0) {
      const all = facts.total === 1 ? 'Le seul établissement' : `Les ${count(facts.total)}`
      const verb = facts.total === 1 ? 'relève' : 'relèvent'
      const sentence = `${all} déclarant l'IDCC ${facts.idcc} dans ${table} ${verb} ${ofName(facts.opco)}.`
      return facts.confidence === 'high'
        ? sentence
        : `${sentence} C'est peu de déclarations : vérifiez avec le SIRET de votre entreprise.`
    }
    const others = facts.others
      .map((other) => `${ofName(other.opco)} (${count(other.count)})`)
      .join(', ')
    const lead = `${fr.percent(facts.share)} des ${count(facts.total)} déclarant l'IDCC ${facts.idcc} dans ${table} relèvent ${ofName(facts.opco)} ; les autres sont déclarés auprès ${others}.`
    if (facts.confidence === 'high')
      return `${lead} Ces cas isolés sont probablement des anomalies de déclaration.`
    if (facts.confidence === 'medium') return `${lead} Vérifiez avec le SIRET de votre entreprise.`
    return `${lead} Cet IDCC est partagé entre plusieurs OPCO (par exemple selon le territoire ou l'activité) : seul le SIRET de votre entreprise permet de trancher.`
  },
  undeclaredConvention(idcc, edition) {
    return `Aucun établissement ne déclare l'IDCC ${idcc} dans la table SIRET-OPCO de France compétences (${editionLabel(edition, 'fr')}) : cette convention a pu être fusionnée dans une autre ou n'est plus appliquée. Vérifiez l'IDCC sur un bulletin de paie, ou recherchez votre entreprise par son SIRET.`
  },
  company(facts) {
    const where = {
      establishment: 'cet établissement',
      'head-office': 'son siège',
      other: "l'entreprise",
    }[facts.scope]
    const closed = facts.closed
      ? ' Attention : cet établissement est fermé dans le répertoire Sirene.'
      : ''
    if (facts.declared.length === 1)
      return `${facts.name} déclare l'IDCC ${facts.idcc} pour ${where}. ${facts.conventionReason}${closed}`
    const why =
      facts.scope === 'other' ? 'la première à avoir un OPCO connu' : `déclarée pour ${where}`
    return `${facts.name} déclare ${facts.declared.length} conventions collectives (${facts.declared.join(', ')}). L'OPCO retenu est celui de l'IDCC ${facts.idcc}, ${why} : ${facts.opco}. Chaque établissement relève de l'OPCO de sa propre convention ; pour un autre établissement, cherchez son SIRET.${closed}`
  },
  companyWithoutConvention(name, codes, unmappedIdcc, closed) {
    const what =
      codes.length === 0
        ? `Aucune convention collective n'est déclarée pour ${name} dans la liste des conventions collectives par SIRET (ministère du Travail, issue de la DSN).`
        : unmappedIdcc
          ? `${name} déclare l'IDCC ${unmappedIdcc}, que la table SIRET-OPCO ne rattache à aucun OPCO.`
          : `${name} déclare ${codes.join(', ')}, un code qui n'est pas une convention collective : l'OPCO ne s'en déduit pas.`
    const next = `Pour connaître l'OPCO, cherchez le SIRET sur « Quel est mon OPCO ? » de France compétences (${QUEL_EST_MON_OPCO}) ou demandez-le à votre service paie : l'IDCC figure sur chaque bulletin de paie.`
    return `${what} ${next}${closed ? ' Attention : cet établissement est fermé dans le répertoire Sirene.' : ''}`
  },
}

const english: ReasonText = {
  convention(facts) {
    const count = (n: number) => (n === 1 ? '1 establishment' : `${en.integer(n)} establishments`)
    const table = `France compétences' SIRET-OPCO table (${editionLabel(facts.edition, 'en')})`
    if (facts.others.length === 0) {
      const all = facts.total === 1 ? 'The only establishment' : `All ${count(facts.total)}`
      const verb = facts.total === 1 ? 'belongs' : 'belong'
      const sentence = `${all} declaring IDCC ${facts.idcc} in ${table} ${verb} to ${facts.opco}.`
      return facts.confidence === 'high'
        ? sentence
        : `${sentence} That is few declarations: check with your company's SIRET.`
    }
    const others = facts.others.map((other) => `${other.opco} (${count(other.count)})`).join(', ')
    const lead = `${en.percent(facts.share)} of the ${count(facts.total)} declaring IDCC ${facts.idcc} in ${table} belong to ${facts.opco}; the others are declared with ${others}.`
    if (facts.confidence === 'high')
      return `${lead} These isolated cases are most likely declaration errors.`
    if (facts.confidence === 'medium') return `${lead} Check with your company's SIRET.`
    return `${lead} This IDCC is shared between several OPCOs (for instance by territory or activity): only your company's SIRET can tell.`
  },
  undeclaredConvention(idcc, edition) {
    return `No establishment declares IDCC ${idcc} in France compétences' SIRET-OPCO table (${editionLabel(edition, 'en')}): this agreement may have been merged into another one or is no longer applied. Check the IDCC on a payslip, or search for your company by its SIRET.`
  },
  company(facts) {
    const where = {
      establishment: 'this establishment',
      'head-office': 'its head office',
      other: 'the company',
    }[facts.scope]
    const closed = facts.closed ? ' Note: this establishment is closed in the Sirene register.' : ''
    if (facts.declared.length === 1)
      return `${facts.name} declares IDCC ${facts.idcc} for ${where}. ${facts.conventionReason}${closed}`
    const why =
      facts.scope === 'other' ? 'the first one with a known OPCO' : `declared for ${where}`
    return `${facts.name} declares ${facts.declared.length} collective agreements (${facts.declared.join(', ')}). The OPCO given is that of IDCC ${facts.idcc}, ${why}: ${facts.opco}. Each establishment belongs to the OPCO of its own agreement; for another establishment, search its SIRET.${closed}`
  },
  companyWithoutConvention(name, codes, unmappedIdcc, closed) {
    const what =
      codes.length === 0
        ? `No collective agreement is declared for ${name} in the list of collective agreements by SIRET (Ministry of Labour, from the DSN).`
        : unmappedIdcc
          ? `${name} declares IDCC ${unmappedIdcc}, which the SIRET-OPCO table links to no OPCO.`
          : `${name} declares ${codes.join(', ')}, a code that is not a collective agreement: the OPCO cannot be derived from it.`
    const next = `To find the OPCO, look the SIRET up on France compétences' « Quel est mon OPCO ? » (${QUEL_EST_MON_OPCO}) or ask your payroll department: the IDCC is printed on every payslip.`
    return `${what} ${next}${closed ? ' Note: this establishment is closed in the Sirene register.' : ''}`
  },
}

/** Each French sentence set in French typography (french-typography.ts). */
const typeset = (text: ReasonText): ReasonText => ({
  convention: (facts) => frenchTypography(text.convention(facts)),
  undeclaredConvention: (idcc, edition) =>
    frenchTypography(text.undeclaredConvention(idcc, edition)),
  company: (facts) => frenchTypography(text.company(facts)),
  companyWithoutConvention: (name, codes, unmappedIdcc, closed) =>
    frenchTypography(text.companyWithoutConvention(name, codes, unmappedIdcc, closed)),
})

export const REASONS: Record<Lang, ReasonText> = { fr: typeset(french), en: english }
