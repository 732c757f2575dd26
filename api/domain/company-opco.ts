/** From a company's declared conventions to its OPCO: which IDCC counts, which OPCO, how sure, and why. */
import { padIdcc } from './idcc'
import type { CompanyAnswer, CompanyConvention, CompanySummary } from '../contracts/companies'
import type { Confidence } from '../contracts/conventions'
import type { ConventionCatalog } from './convention-catalog'
import { REASONS, type Lang } from './reason-text'

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

/** The establishment the answer is about: the queried SIRET, else the head office. */
export function establishmentOf(
  company: CompanyRecord,
  siret: string | null,
): Establishment | null {
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
  return [...new Set([...(establishment?.idcc ?? []), ...company.idcc].map(padIdcc))]
}

export function answerCompany(
  company: CompanyRecord,
  siret: string | null,
  catalog: ConventionCatalog,
  lang: Lang = 'fr',
): CompanyAnswer | null {
  const establishment = establishmentOf(company, siret)
  if (siret && !establishment) return null
  const codes = orderedIdcc(company, establishment)
  const conventions: CompanyConvention[] = codes.map((idcc) => {
    const found = catalog.find(idcc, lang)
    return { idcc, title: found?.title ?? null, opco: found?.opco ?? null }
  })
  const real = codes.filter((idcc) => !catalog.isEscapeCode(idcc))
  const active = establishment?.active ?? company.active
  const base = {
    siren: company.siren,
    siret: establishment?.siret ?? siret,
    name: company.name,
    naf: establishment?.naf ?? company.naf,
    address: establishment?.address ?? null,
    active,
    conventions,
  }
  const text = REASONS[lang]

  // The first declared convention the SIRET-OPCO table maps to an OPCO: an unknown code cannot decide.
  const chosenIdcc = real.find((idcc) => catalog.find(idcc, lang)?.opco) ?? null
  const chosen = chosenIdcc ? catalog.find(chosenIdcc, lang) : null
  if (!chosenIdcc || !chosen?.opco || !chosen.confidence) {
    return {
      ...base,
      idcc: real[0] ?? null,
      opco: null,
      confidence: null,
      reason: text.companyWithoutConvention(company.name, codes, real[0] ?? null, !active),
    }
  }
  const scope =
    chosenIdcc !== codes[0] ? 'other' : establishment && siret ? 'establishment' : 'head-office'
  return {
    ...base,
    idcc: chosenIdcc,
    opco: chosen.opco,
    // Several conventions: each establishment follows its own, so the answer for the company is less certain.
    confidence: real.length === 1 ? chosen.confidence : LOWER[chosen.confidence],
    reason: text.company({
      name: company.name,
      idcc: chosenIdcc,
      opco: chosen.opco.name,
      scope,
      declared: real,
      conventionReason: chosen.reason,
      closed: !active,
    }),
  }
}

export function summarizeCompany(company: CompanyRecord): CompanySummary {
  const office = company.headOffice
  return {
    siren: company.siren,
    siret: office?.siret ?? null,
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
