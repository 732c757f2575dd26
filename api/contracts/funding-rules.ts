/** Funding rules as dated data: each figure with its scheme, scope, validity and source (issue 3's simulator). */
import { z } from 'zod'
import { OpcoId } from './opcos'

export const Scheme = z.enum(['apprentissage', 'contrat-pro', 'pro-a', 'plan', 'tutor-training'])
export type Scheme = z.infer<typeof Scheme>

const IsoDate = z.iso.date()
const Cents = z.number().int().nonnegative()

export const RuleSource = z.object({
  url: z.url({ protocol: /^https?$/ }),
  /** Date the source gives for the figure (publication or update), when it gives one. */
  date: IsoDate.nullable(),
  publisher: z.string(),
})
export type RuleSource = z.infer<typeof RuleSource>

/** Certification levels of the national framework (3 = CAP … 7 = master). */
const Level = z.number().int().min(1).max(8)

export const HeadcountClass = z.enum(['lt250', 'gte250', 'any'])
export type HeadcountClass = z.infer<typeof HeadcountClass>

/** State hiring aid for an apprentice: the first bracket matching the contract decides. */
export const HiringAidParams = z.object({
  brackets: z
    .array(
      z.object({
        headcount: HeadcountClass,
        minLevel: Level.nullable(),
        maxLevel: Level.nullable(),
        /** true: RQTH apprentices only; false: others only; null: both. */
        rqth: z.boolean().nullable(),
        amountCents: Cents,
      }),
    )
    .min(1),
})

export const EmployerParticipationParams = z.object({ minLevel: Level, amountCents: Cents })

export const NpecDistanceReductionParams = z.object({
  minDistancePercent: z.number().min(0).max(100),
  reductionPercent: z.number().min(0).max(100),
  floorCents: Cents,
})

export const AnnexCostsParams = z.object({
  mealCents: Cents,
  nightCents: Cents,
  firstEquipmentCents: Cents,
})

export const HourlyRateParams = z.object({
  centsPerHour: Cents,
  /** Rate for priority publics, where the rule sets one. */
  priorityCentsPerHour: Cents.nullable(),
  maxHours: z.number().int().positive().nullable(),
})

export const RuleId = z
  .string()
  .regex(/^[a-z0-9-]{3,80}$/, 'Un identifiant de règle : 3 à 80 caractères a-z, 0-9 et tirets.')

/** Training plan (< 50 employees), per OPCO and branch: caps for companies below `maxHeadcount`. */
export const PlanCapParams = z.object({
  /** Exclusive: the cap applies to companies with fewer employees. */
  maxHeadcount: z.number().int().positive(),
  yearlyCapCents: Cents.nullable(),
  hourlyCapCents: Cents.nullable(),
  maxHours: z.number().int().positive().nullable(),
})

const ruleBase = {
  id: RuleId,
  scheme: Scheme,
  /** null: national rule; otherwise the OPCO whose rule it is. */
  opcoId: OpcoId.nullable(),
  /** Branch scope as IDCC codes; null: every branch of the OPCO (or national). */
  idcc: z.array(z.string().regex(/^\d{4}$/)).nullable(),
  /** Inclusive; compared with the contract (or training) date of the simulation. */
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  source: RuleSource,
  /** How conflicting sources were settled, caveats. */
  note: z.string().nullable(),
}

export const FundingRule = z.discriminatedUnion('kind', [
  z.object({ ...ruleBase, kind: z.literal('hiring-aid'), params: HiringAidParams }),
  z.object({
    ...ruleBase,
    kind: z.literal('employer-participation'),
    params: EmployerParticipationParams,
  }),
  z.object({
    ...ruleBase,
    kind: z.literal('npec-distance-reduction'),
    params: NpecDistanceReductionParams,
  }),
  z.object({ ...ruleBase, kind: z.literal('annex-costs'), params: AnnexCostsParams }),
  z.object({ ...ruleBase, kind: z.literal('hourly-rate'), params: HourlyRateParams }),
  z.object({ ...ruleBase, kind: z.literal('plan-cap'), params: z.array(PlanCapParams).min(1) }),
])
export type FundingRule = z.infer<typeof FundingRule>
export type RuleKind = FundingRule['kind']
