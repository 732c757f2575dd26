/**
 * Schemes funded by the hour: contrat de professionnalisation, Pro-A and tutor training. The OPCO
 * pays hours × the rate in force (the branch's, else the legal default), never more than the price.
 */
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import type { FundingRule } from '../../contracts/funding-rules'
import { criteriaHint, noFigure, SCHEME_LABEL, type OpcoCriteria } from './no-figure'
import { formatEuros } from './money'
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
}

function unknownFigure(input: HourlyInput, opco: OpcoCriteria | null): SimulationResult {
  const where = opco ? ` chez ${opco.name}` : ''
  return noFigure(
    input,
    opco,
    `Aucun forfait connu pour ${SCHEME_LABEL[input.scheme]}${where} à cette date.`,
  )
}

export function simulateHourly(
  input: HourlyInput,
  rules: readonly FundingRule[],
  opco: OpcoCriteria | null,
): SimulationResult {
  const scope = { opcoId: input.opcoId, idcc: input.idcc }
  const rule = ruleInForce(rules, 'hourly-rate', input.scheme, input.date, scope)
  const warnings: string[] = []
  let rate: number
  let hours = input.hours
  if (input.centsPerHour !== null) {
    rate = input.centsPerHour
    warnings.push(`Taux horaire saisi (${formatEuros(rate)}/h) : vérifiez-le auprès de votre OPCO.`)
  } else if (rule) {
    const priority = input.priorityPublic ? rule.params.priorityCentsPerHour : null
    rate = priority ?? rule.params.centsPerHour
    if (rule.params.maxHours !== null && hours > rule.params.maxHours) {
      warnings.push(
        `Prise en charge limitée à ${rule.params.maxHours} h : les ${input.hours - rule.params.maxHours} h suivantes restent à votre charge.`,
      )
      hours = rule.params.maxHours
    }
    if (rule.opcoId === null && input.scheme !== 'tutor-training') {
      warnings.push(
        `Aucun barème de branche connu : le forfait légal par défaut s'applique. ${criteriaHint(opco)}`,
      )
    }
    if (input.scheme === 'tutor-training') {
      warnings.push(`Plafond légal : votre branche peut prévoir moins. ${criteriaHint(opco)}`)
    }
  } else {
    return unknownFigure(input, opco)
  }

  const cap = rate * hours
  const funded = Math.min(input.priceCents, cap)
  return priceSplit(
    input,
    funded,
    {
      label: `Prise en charge OPCO : ${hours} h × ${formatEuros(rate)}/h${funded < cap ? ', limitée au prix' : ''}`,
      rule: input.centsPerHour === null ? rule : null,
    },
    warnings,
  )
}
