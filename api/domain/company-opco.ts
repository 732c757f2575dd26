/** From a company's declared conventions to its OPCO: which IDCC counts, which OPCO, how sure, and why. */
import type { CompanyAnswer, CompanyConvention, CompanySummary } from '../contracts/companies'
import type { Confidence } from '../contracts/conventions'
import type { ConventionCatalog } from './convention-catalog'

export interface Establishment {
  siret: string
  address: string | null
  postcode: string | null
  city: string | null
  naf: string | null
  active: boolean
  idcc: string[]
}

/** A company as the company directory (recherche-entreprises) describes it. */
export interface CompanyRecord {
  siren: string
  name: string
  naf: string | null
  active: boolean
  headOffice: Establishment | null
  /** Establishments matching the query (the queried SIRET, when the query was a SIRET). */
  establishments: Establishment[]
  /** Every IDCC declared by the company's establishments (company-wide list). */
  idcc: string[]
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' }

const SIRO_NEXT_STEP =
  "Pour connaître l'OPCO sans convention, cherchez le SIRET sur « Quel est mon OPCO ? » de France compétences (https://quel-est-mon-opco.francecompetences.fr) ou demandez-le à votre service paie : l'IDCC figure sur chaque bulletin de paie."

const pad = (idcc: string) => idcc.trim().padStart(4, '0')

/** The establishment the answer is about: the queried SIRET, else the head office. */
export function establishmentOf(company: CompanyRecord, siret: string | null): Establishment | null {
  if (siret) {
    const match = company.establishments.find((item) => item.siret === siret)
    if (match) return match
    if (company.headOffice?.siret === siret) return company.headOffice
    return null
  }
  return company.headOffice
}

/** The establishment's IDCC first, then the rest of the company-wide list, without duplicates. */
export function orderedIdcc(company: CompanyRecord, establishment: Establishment | null): string[] {
  return [...new Set([...(establishment?.idcc ?? []), ...company.idcc].map(pad))]
}

export function answerCompany(company: CompanyRecord, siret: string | null, catalog: ConventionCatalog): CompanyAnswer | null {
  const establishment = establishmentOf(company, siret)
  if (siret && !establishment) return null
  const codes = orderedIdcc(company, establishment)
  const conventions: CompanyConvention[] = codes.map((idcc) => {
    const found = catalog.find(idcc)
    return { idcc, title: found?.title ?? null, opco: found?.opco ?? null }
  })
  const real = codes.filter((idcc) => !catalog.isEscapeCode(idcc))
  const base = {
    siren: company.siren,
    siret: establishment?.siret ?? siret ?? company.siren,
    name: company.name,
    naf: establishment?.naf ?? company.naf,
    address: establishment?.address ?? null,
    active: establishment?.active ?? company.active,
    conventions,
  }
  const closed = base.active ? '' : ' Attention : cet établissement est fermé dans le répertoire Sirene.'

  const chosenIdcc = real[0]
  const chosen = chosenIdcc ? catalog.find(chosenIdcc) : null
  if (!chosenIdcc || !chosen?.opco || !chosen.confidence) {
    const what =
      codes.length === 0
        ? `Aucune convention collective n'est déclarée pour ${company.name} dans la liste des conventions collectives par SIRET (ministère du Travail, issue de la DSN).`
        : chosenIdcc
          ? `${company.name} déclare l'IDCC ${chosenIdcc}, que la table SIRET-OPCO ne rattache à aucun OPCO.`
          : `${company.name} déclare ${codes.join(', ')}, un code qui n'est pas une convention collective : l'OPCO ne s'en déduit pas.`
    return { ...base, idcc: chosenIdcc ?? null, opco: null, confidence: null, reason: `${what} ${SIRO_NEXT_STEP}${closed}` }
  }

  const titled = chosen.title ? `l'IDCC ${chosenIdcc} (${chosen.title})` : `l'IDCC ${chosenIdcc}`
  const where = establishment && siret ? 'cet établissement' : 'son siège'
  if (real.length === 1) {
    return {
      ...base,
      idcc: chosenIdcc,
      opco: chosen.opco,
      confidence: chosen.confidence,
      reason: `${company.name} déclare ${titled} pour ${where}. ${chosen.reason}${closed}`,
    }
  }
  return {
    ...base,
    idcc: chosenIdcc,
    opco: chosen.opco,
    confidence: LOWER[chosen.confidence],
    reason: `${company.name} déclare ${real.length} conventions collectives (${real.join(', ')}). L'OPCO retenu est celui de ${titled}, déclarée pour ${where} : ${chosen.opco.name}. Chaque établissement relève de l'OPCO de sa propre convention ; pour un autre établissement, cherchez son SIRET.${closed}`,
  }
}

export function summarizeCompany(company: CompanyRecord): CompanySummary {
  const office = company.headOffice
  return {
    siren: company.siren,
    siret: office?.siret ?? company.siren,
    name: company.name,
    naf: company.naf,
    address: office?.address ?? null,
    postcode: office?.postcode ?? null,
    city: office?.city ?? null,
    active: company.active,
    idcc: orderedIdcc(company, office),
  }
}

/** Active companies first, keeping the directory's relevance order within each group. */
export function activeFirst(companies: CompanySummary[]): CompanySummary[] {
  return [...companies.filter((item) => item.active), ...companies.filter((item) => !item.active)]
}
