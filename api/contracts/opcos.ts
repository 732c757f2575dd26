/** Public contract of the OPCO routes: response shapes shared by the API and the widgets. */
import { z } from 'zod'

export const OpcoId = z.enum([
  'afdas',
  'akto',
  'atlas',
  'constructys',
  'ocapiat',
  'opco-2i',
  'opco-ep',
  'opco-mobilites',
  'opco-sante',
  'opcommerce',
  'uniformation',
])
export type OpcoId = z.infer<typeof OpcoId>

export const Translated = z.object({ fr: z.string(), en: z.string() })
export type Translated = z.infer<typeof Translated>

/** Where and how the company files its funding request (PEC), as the OPCO's flyer says. */
export const FundingRequest = z.object({
  channel: Translated.nullable(),
  /** A condition the flyer states (L'Opcommerce: only planned, completed and justified actions). */
  note: Translated.nullable(),
  source: z.string(),
})
export type FundingRequest = z.infer<typeof FundingRequest>

export const Opco = z.object({
  id: OpcoId,
  name: z.string(),
  /** For sentences and lists: AKTO's official name is a whole tagline. */
  shortName: z.string(),
  /** With the article French sentences use: « l’OPCO EP », « l’Afdas ». */
  nameInFrenchSentence: z.string(),
  website: z.string().nullable(),
  fundingCriteriaUrl: z.string().nullable(),
  sectors: z.string(),
  /** Null where no seed document says how this OPCO takes requests. */
  fundingRequest: FundingRequest.nullable(),
})
export type Opco = z.infer<typeof Opco>

export const OpcoList = z.object({ items: z.array(Opco) })
export type OpcoList = z.infer<typeof OpcoList>

/** Any id is looked up: an unknown one is a 404, not a validation error. */
export const OpcoParam = z.object({
  id: z.string().max(64, 'Un identifiant d’OPCO compte au plus 64 caractères.'),
})
