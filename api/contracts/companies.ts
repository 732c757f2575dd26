/** Public contract of the company routes (SIRET / SIREN / name → conventions → OPCO). */
import { z } from 'zod'
import { Confidence } from './conventions'
import { Opco } from './opcos'

export const CompanyConvention = z.object({
  idcc: z.string(),
  title: z.string().nullable(),
  opco: Opco.nullable(),
})
export type CompanyConvention = z.infer<typeof CompanyConvention>

export const CompanyAnswer = z.object({
  siren: z.string(),
  /** The queried establishment, else the head office; null when the directory knows neither. */
  siret: z.string().nullable(),
  name: z.string(),
  naf: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  conventions: z.array(CompanyConvention),
  /** The convention the answer's OPCO comes from (the queried establishment's first real one), or null. */
  idcc: z.string().nullable(),
  opco: Opco.nullable(),
  confidence: Confidence.nullable(),
  reason: z.string(),
})
export type CompanyAnswer = z.infer<typeof CompanyAnswer>

export const CompanySummary = z.object({
  siren: z.string(),
  /** The head office's SIRET; null when the directory has none. */
  siret: z.string().nullable(),
  name: z.string(),
  naf: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  active: z.boolean(),
  idcc: z.array(z.string()),
})
export type CompanySummary = z.infer<typeof CompanySummary>

export const CompanySearchResult = z.object({ items: z.array(CompanySummary) })
export type CompanySearchResult = z.infer<typeof CompanySearchResult>
