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

export const Opco = z.object({
  id: OpcoId,
  name: z.string(),
  website: z.string().nullable(),
  fundingCriteriaUrl: z.string().nullable(),
  sectors: z.string(),
})
export type Opco = z.infer<typeof Opco>

export const OpcoList = z.object({ items: z.array(Opco) })
export type OpcoList = z.infer<typeof OpcoList>

/** Any id is looked up: an unknown one is a 404, not a validation error. */
export const OpcoParam = z.object({
  id: z.string().max(64, 'Un identifiant d’OPCO compte au plus 64 caractères.'),
})
