/** Funding rules as dated data: each figure with its scheme, scope, validity and source (issue 3's simulator). */
import { z } from 'zod'
import { OpcoId } from './opcos'
import { multiLine, singleLine } from './text-fields'

export const Scheme = z.enum(['apprentissage', 'contrat-pro', 'pro-a', 'plan', 'tutor-training'])
export type Scheme = z.infer<typeof Scheme>

const IsoDate = z.iso.date()
const Cents = z.number().int().nonnegative()

export const RuleSource = z.object({
  url: z.url({ protocol: /^https?$/ }),
  /** Date the source gives for the figure (publication or update), when it gives one. */
  date: IsoDate.nullable(),
  publisher: singleLine(z.string()),
})
export type RuleSource = z.infer<typeof RuleSource>

/** Certification levels of the national framework (3 = CAP … 7 = master). */
const Level = z.number().int().min(1).max(8)

/** State hiring aid for an apprentice: the first bracket matching the contract decides. */
export const HiringAidParams = z.object({
  brackets: z
    .array(
      z.object({
        /** Companies with at least this many employees; null: no lower bound. */
        minHeadcount: z.number().int().nonnegative().nullable(),
        /** Companies with fewer employees than this; null: no upper bound. */
        maxHeadcount: z.number().int().positive().nullable(),
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
  idcc: z
    .array(z.string().regex(/^\d{4}$/, 'Un IDCC sur 4 chiffres, par exemple 1486.'))
    .min(1, 'Au moins un IDCC, ou null pour toutes les branches.')
    .nullable(),
  /**
   * An OPCO's own branch label (« branche=177 », « Bâtiment ») where its scale is published per
   * branch without IDCC codes: the rule applies only when a request names that branch.
   */
  branch: singleLine(z.string().min(1).max(120)).nullable().default(null),
  /** Inclusive; compared with the contract (or training) date of the simulation. */
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  source: RuleSource,
  /** How conflicting sources were settled, caveats. */
  note: multiLine(z.string()).nullable(),
}

const FundingRuleShape = z.discriminatedUnion('kind', [
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
/** Which schemes each kind of rule can belong to: a hiring aid is an apprenticeship rule, and so on. */
const SCHEMES_OF_KIND: Record<string, readonly Scheme[]> = {
  'hiring-aid': ['apprentissage'],
  'employer-participation': ['apprentissage'],
  'npec-distance-reduction': ['apprentissage'],
  'annex-costs': ['apprentissage'],
  'hourly-rate': ['contrat-pro', 'pro-a', 'tutor-training'],
  'plan-cap': ['plan'],
}

/** A rule whose parts agree: dates in order, a scheme its kind can have, brackets that can match. */
export const FundingRule = FundingRuleShape.superRefine((rule, ctx) => {
  if (rule.validTo !== null && rule.validTo < rule.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo doit suivre validFrom.' })
  }
  if (rule.branch !== null && rule.opcoId === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['branch'],
      message: "Une branche se rapporte à l'OPCO de la règle : opcoId requis.",
    })
  }
  if (!SCHEMES_OF_KIND[rule.kind]?.includes(rule.scheme)) {
    ctx.addIssue({
      code: 'custom',
      path: ['scheme'],
      message: `Une règle ${rule.kind} s'applique à : ${SCHEMES_OF_KIND[rule.kind]?.join(', ')}.`,
    })
  }
  if (rule.kind === 'hiring-aid') {
    rule.params.brackets.forEach((bracket, index) => {
      if (
        bracket.minLevel !== null &&
        bracket.maxLevel !== null &&
        bracket.minLevel > bracket.maxLevel
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['params', 'brackets', index, 'maxLevel'],
          message: 'maxLevel doit être au moins minLevel.',
        })
      }
    })
  }
  if (rule.kind === 'plan-cap') {
    rule.params.forEach((bracket, index) => {
      const previous = rule.params[index - 1]
      // The engine takes the first bracket the headcount is under: they must ascend.
      if (previous && bracket.maxHeadcount <= previous.maxHeadcount) {
        ctx.addIssue({
          code: 'custom',
          path: ['params', index, 'maxHeadcount'],
          message: 'Les tranches vont par effectif croissant.',
        })
      }
    })
  }
})
export type FundingRule = z.infer<typeof FundingRule>
export type RuleKind = FundingRule['kind']
