/** What a funding simulation answers: three amounts, the lines behind them with their sources, and warnings. */
import { z } from 'zod'
import { OpcoId } from './opcos'
import { Scheme } from './funding-rules'
import { singleLine } from './text-fields'

export const Payer = z.enum(['opco', 'employer', 'state'])
export type Payer = z.infer<typeof Payer>

export const SimulationLine = z.object({
  label: z.string(),
  /** Negative for a deduction (the 750 € participation taken off the OPCO's share). */
  amountCents: z.number().int(),
  payer: Payer,
  /** The funding rule the figure comes from; null for a figure the user entered (price, NPEC). */
  ruleId: z.string().nullable(),
  source: z.object({ url: z.string(), date: z.string().nullable() }).nullable(),
})
export type SimulationLine = z.infer<typeof SimulationLine>

export const SimulationResult = z.object({
  scheme: Scheme,
  date: z.string(),
  opcoId: OpcoId.nullable(),
  totalCostCents: z.number().int(),
  /** null when no figure is known for this OPCO and branch: never an invented number. */
  opcoFundingCents: z.number().int().nullable(),
  /** The employer's « reste à charge » on the training; null when the OPCO's share is unknown. */
  employerCostCents: z.number().int().nullable(),
  stateAidCents: z.number().int(),
  lines: z.array(SimulationLine),
  warnings: z.array(z.string()),
})
export type SimulationResult = z.infer<typeof SimulationResult>

const IsoDate = z.iso.date({ message: 'Une date au format AAAA-MM-JJ, par exemple 2026-10-01.' })
const Cents = z
  .number({ message: 'Un montant en centimes (entier).' })
  .int('Un montant en centimes (entier).')
const PositiveCents = Cents.positive('Le montant doit être supérieur à 0.').max(
  100_000_000,
  'Montant trop élevé : au plus 1 000 000 €.',
)
const Hours = z
  .number({ message: 'Un nombre d’heures.' })
  .positive('Le nombre d’heures doit être supérieur à 0.')
  .max(10_000, 'Au plus 10 000 heures.')
const Headcount = z
  .number({ message: 'Un effectif (nombre de salariés).' })
  .int('Un effectif entier.')
  .min(0, 'Un effectif positif.')
  .max(1_000_000, 'Effectif trop élevé.')
const Idcc = z
  .string()
  .regex(/^\d{1,4}$/, 'Un IDCC est un code de 1 à 4 chiffres, par exemple 1486.')
  .transform((digits) => digits.padStart(4, '0'))

/** Whose figures apply: the OPCO, or the branch by its IDCC (its OPCO follows). Both: they must agree. */
const Scope = {
  opcoId: OpcoId.optional(),
  idcc: Idcc.optional(),
  /** Language of the lines and warnings: French by default. */
  lang: z.enum(['fr', 'en'], { message: 'La langue est fr ou en.' }).default('fr'),
}

/** Contrat pro and Pro-A: hours at the branch's rate (or the one entered), a higher default for priority publics. */
const HourlyScheme = {
  date: IsoDate,
  ...Scope,
  hours: Hours,
  priceCents: PositiveCents,
  priorityPublic: z.boolean().default(false),
  centsPerHour: PositiveCents.optional(),
}

/** Strict: a field another scheme uses is named in the 400 rather than silently ignored. */
export const SimulationRequest = z.discriminatedUnion(
  'scheme',
  [
    z.strictObject({
      scheme: z.literal('apprentissage'),
      date: IsoDate,
      ...Scope,
      headcount: Headcount,
      /** Certification level: 3 (CAP) … 7 (master). */
      level: z
        .number()
        .int()
        .min(3, 'Niveau de 3 (CAP) à 7 (master).')
        .max(7, 'Niveau de 3 (CAP) à 7 (master).'),
      priceCents: PositiveCents,
      npecCents: PositiveCents,
      rqth: z.boolean().default(false),
      /** Training done at a distance for at least the share the NPEC rule sets (80 % in 2025). */
      distanceLearning: z.boolean().default(false),
      /** Frais annexes the CFA incurs for the apprentice (first year). */
      annex: z
        .object({
          meals: z.number().int().min(0).max(1000).default(0),
          nights: z.number().int().min(0).max(400).default(0),
          firstEquipmentCents: Cents.min(0).max(10_000_000).default(0),
        })
        .optional(),
    }),
    z.strictObject({ scheme: z.literal('contrat-pro'), ...HourlyScheme }),
    z.strictObject({ scheme: z.literal('pro-a'), ...HourlyScheme }),
    z.strictObject({
      scheme: z.literal('tutor-training'),
      date: IsoDate,
      ...Scope,
      hours: Hours,
      priceCents: PositiveCents,
    }),
    z.strictObject({
      scheme: z.literal('plan'),
      date: IsoDate,
      ...Scope,
      /** The OPCO's own branch label when its scale is published per branch (GET /v1/funding-rules lists them). */
      branch: singleLine(z.string().min(1).max(120)).optional(),
      headcount: Headcount,
      hours: Hours,
      priceCents: PositiveCents,
    }),
  ],
  { message: 'Le dispositif est apprentissage, contrat-pro, pro-a, plan ou tutor-training.' },
)
export type SimulationRequest = z.infer<typeof SimulationRequest>
