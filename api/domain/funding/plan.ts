/**
 * Plan de développement des compétences (companies under 50 employees): the OPCO's caps for its
 * branch — per year, per hour, in hours — applied to the training's price; pure, money in cents.
 */
import type { FundingRule } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import type { Lang } from '../reason-text'
import { formatEuros, FUNDING_TEXT, type OpcoPages } from './funding-text'
import { noFigure } from './no-figure'
import { priceSplit } from './price-split'
import { ruleInForce } from './rule-selection'

export interface PlanInput {
  date: string
  headcount: number
  hours: number
  priceCents: number
  opcoId: OpcoId | null
  idcc: string | null
  /** The OPCO's own branch label, for scales published per branch. */
  branch: string | null
  lang: Lang
}

export function simulatePlan(
  input: PlanInput,
  rules: readonly FundingRule[],
  opco: OpcoPages | null,
): SimulationResult {
  const text = FUNDING_TEXT[input.lang]
  const euros = (cents: number) => formatEuros(cents, input.lang)
  const request = { ...input, scheme: 'plan' as const }
  const rule = ruleInForce(rules, 'plan-cap', 'plan', input.date, {
    opcoId: input.opcoId,
    idcc: input.idcc,
    branch: input.branch,
  })
  if (!rule) return noFigure(request, opco, text.noPlanScale(opco?.name ?? null))
  const cap = rule.params.find((bracket) => input.headcount < bracket.maxHeadcount)
  if (!cap) return noFigure(request, opco, text.noBracket(input.headcount))

  const warnings: string[] = []
  const limits: string[] = []
  let funded = input.priceCents
  if (cap.hourlyCapCents !== null) {
    if (cap.maxHours !== null && input.hours > cap.maxHours) {
      return noFigure(request, opco, text.planBeyondScale(cap.maxHours))
    }
    funded = Math.min(funded, Math.round(cap.hourlyCapCents * input.hours))
    limits.push(text.planHourly(input.hours, euros(cap.hourlyCapCents)))
  }
  if (cap.yearlyCapCents !== null) {
    funded = Math.min(funded, cap.yearlyCapCents)
    limits.push(text.planYearly(euros(cap.yearlyCapCents)))
  }
  warnings.push(text.fundsLimit)
  return priceSplit(request, funded, { label: text.planLine(limits), rule }, warnings)
}
