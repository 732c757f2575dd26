/** Public contract of the convention (IDCC) routes: how an IDCC answers its OPCO, with a confidence and a reason. */
import { z } from 'zod'
import { Opco, OpcoId } from './opcos'

/** high: ≥ 95 % of the IDCC's SIRETs and ≥ 20 SIRETs; medium: ≥ 80 %; low: below (SOURCES.md). */
export const Confidence = z.enum(['high', 'medium', 'low'])
export type Confidence = z.infer<typeof Confidence>

export const Alternative = z.object({ opcoId: OpcoId, share: z.number() })
export type Alternative = z.infer<typeof Alternative>

export const ConventionAnswer = z.object({
  idcc: z.string(),
  title: z.string().nullable(),
  opco: Opco.nullable(),
  /** Share (0–1) of the IDCC's SIRETs declared with the main OPCO. */
  share: z.number().nullable(),
  alternatives: z.array(Alternative),
  confidence: Confidence.nullable(),
  reason: z.string(),
  /** The IDCC is a SIRO escape code (no convention, special status), not a convention. */
  escapeCode: z.boolean(),
  source: z.object({ dataset: z.string(), edition: z.string() }),
})
export type ConventionAnswer = z.infer<typeof ConventionAnswer>

export const ConventionSuggestion = z.object({
  idcc: z.string(),
  title: z.string().nullable(),
  opcoId: OpcoId.nullable(),
})
export type ConventionSuggestion = z.infer<typeof ConventionSuggestion>

export const ConventionSearchResult = z.object({ items: z.array(ConventionSuggestion) })
export type ConventionSearchResult = z.infer<typeof ConventionSearchResult>

/** 1–4 digits, read zero-padded: `16` is `0016`. */
export const IdccParam = z.object({
  idcc: z
    .string()
    .regex(/^\d{1,4}$/, 'Un IDCC est un code de 1 à 4 chiffres, par exemple 1486.')
    .transform((digits) => digits.padStart(4, '0')),
})

/** Language of the `reason` texts: French by default, English on request. */
export const LangQuery = z.object({
  lang: z.enum(['fr', 'en'], { message: 'La langue est fr ou en.' }).default('fr'),
})

export const ConventionQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Saisissez un numéro IDCC ou des mots du nom de la convention.')
    .max(100, 'La recherche est limitée à 100 caractères.'),
  limit: z.coerce.number().int().min(1).max(20).default(20),
})
