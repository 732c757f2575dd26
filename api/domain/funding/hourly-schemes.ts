/**
 * Schemes funded by the hour: contrat de professionnalisation, Pro-A and tutor training. The OPCO
 * pays hours × the rate in force (the branch's, else the legal default), never more than the price.
 */
import type { FundingRule } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import type { Lang } from '../reason-text'
import { formatEuros, FUNDING_TEXT, type OpcoPages } from './funding-text'
import { noFigure } from './no-figure'
import { priceSplit } from './price-split'
import { ruleInForce } from './rule-selection'

export type HourlyScheme = 'contrat-pro' | 'pro-a' | 'tutor-training'

export interface HourlyInput {
  scheme: HourlyScheme
  /** Date the contract (or training) starts, YYYY-MM-DD: picks the rule in force. */
  date: string
  hours: number
  priceCents: number
  /** Priority public (no qualification, minima sociaux, ex-CUI): a higher default rate. */
  priorityPublic: boolean
  /** The branch's hourly rate when the user knows it; otherwise the rule in force applies. */
  centsPerHour: number | null
  opcoId: OpcoId | null
  idcc: string | null
  lang: Lang
}

export function simulateHourly(
  input: HourlyInput,
  rules: readonly FundingRule[],
  opco: OpcoPages | null,
): SimulationResult {
  const text = FUNDING_TEXT[input.lang]
  const euros = (cents: number) => formatEuros(cents, input.lang)
  const rule = ruleInForce(rules, 'hourly-rate', input.scheme, input.date, {
    opcoId: input.opcoId,
    idcc: input.idcc,
  })
  const warnings: string[] = []
  let rate: number
  let hours = input.hours
  if (input.centsPerHour !== null) {
    rate = input.centsPerHour
    warnings.push(text.enteredRate(euros(rate)))
  } else if (rule) {
    const priority = input.priorityPublic ? rule.params.priorityCentsPerHour : null
    rate = priority ?? rule.params.centsPerHour
    if (rule.params.maxHours !== null && hours > rule.params.maxHours) {
      warnings.push(text.hoursCapped(rule.params.maxHours, input.hours - rule.params.maxHours))
      hours = rule.params.maxHours
    }
    if (input.scheme === 'tutor-training')
      warnings.push(`${text.legalCeiling} ${text.criteria(opco)}`)
    else if (rule.opcoId === null) warnings.push(`${text.legalDefault} ${text.criteria(opco)}`)
  } else {
    return noFigure(input, opco, text.noRate(input.scheme, opco?.name ?? null))
  }

  // Fractional hours: the OPCO funds whole cents.
  const cap = Math.round(rate * hours)
  const funded = Math.min(input.priceCents, cap)
  return priceSplit(
    input,
    funded,
    {
      label: text.hourlyLine(hours, euros(rate), funded < cap),
      rule: input.centsPerHour === null ? rule : null,
    },
    warnings,
  )
}
