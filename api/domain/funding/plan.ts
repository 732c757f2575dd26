/**
 * Plan de développement des compétences (companies under 50 employees): the OPCO's caps for its
 * branch — per year, per hour, in hours — applied to the training's price; pure, money in cents.
 */
import type { FundingRule } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import { formatEuros } from './money'
import { noFigure, type OpcoCriteria } from './no-figure'
import { priceSplit } from './price-split'
import { ruleInForce } from './rule-selection'

export interface PlanInput {
  date: string
  headcount: number
  hours: number
  priceCents: number
  opcoId: OpcoId | null
  idcc: string | null
}

export function simulatePlan(
  input: PlanInput,
  rules: readonly FundingRule[],
  opco: OpcoCriteria | null,
): SimulationResult {
  const request = { ...input, scheme: 'plan' as const }
  const rule = ruleInForce(rules, 'plan-cap', 'plan', input.date, {
    opcoId: input.opcoId,
    idcc: input.idcc,
  })
  const where = opco ? ` ${opco.name}` : ''
  if (!rule)
    return noFigure(
      request,
      opco,
      `Aucun barème connu du plan de développement des compétences${where ? ` chez${where}` : ''} pour cette branche à cette date.`,
    )
  const cap = rule.params.find((bracket) => input.headcount < bracket.maxHeadcount)
  if (!cap)
    return noFigure(
      request,
      opco,
      `Aucun plafond connu pour une entreprise de ${input.headcount} salariés.`,
    )

  const warnings: string[] = []
  const limits: string[] = []
  let funded = input.priceCents
  if (cap.hourlyCapCents !== null) {
    let hours = input.hours
    if (cap.maxHours !== null && hours > cap.maxHours) {
      warnings.push(
        `Barème horaire limité à ${cap.maxHours} h : les heures au-delà ne sont pas estimées.`,
      )
      hours = cap.maxHours
    }
    funded = Math.min(funded, cap.hourlyCapCents * hours)
    limits.push(`${hours} h × ${formatEuros(cap.hourlyCapCents)}/h`)
  }
  if (cap.yearlyCapCents !== null) {
    funded = Math.min(funded, cap.yearlyCapCents)
    limits.push(`plafond annuel ${formatEuros(cap.yearlyCapCents)}`)
  }
  warnings.push(
    "Dans la limite des fonds disponibles de l'OPCO : le barème peut être révisé en cours d'année.",
  )
  return priceSplit(
    request,
    funded,
    { label: `Prise en charge OPCO${limits.length ? ` (${limits.join(', ')})` : ''}`, rule },
    warnings,
  )
}
