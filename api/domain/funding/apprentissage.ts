/**
 * Apprenticeship: what the OPCO funds (the NPEC, cut for distance learning, less the employer's
 * participation), what the employer pays, and the State's hiring aid — pure, money in cents.
 */
import type { FundingRule } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationLine, SimulationResult } from '../../contracts/simulations'
import type { Lang } from '../reason-text'
import { FUNDING_TEXT } from './funding-text'
import { ruleInForce } from './rule-selection'

export interface ApprentissageInput {
  /** Date the contract was concluded (YYYY-MM-DD): picks the rules in force. */
  date: string
  headcount: number
  /** Certification level, 3 (CAP) to 7 (master). */
  level: number
  priceCents: number
  /** The contract's NPEC (France compétences referential, certification × branch). */
  npecCents: number
  rqth: boolean
  /** The CFA training is done at a distance for at least the share the NPEC rule in force sets. */
  distanceLearning: boolean
  opcoId: OpcoId | null
  idcc: string | null
  /** Frais annexes the CFA incurs: meals, nights, first equipment (its cost in cents). */
  annex?: { meals: number; nights: number; firstEquipmentCents: number }
  lang: Lang
}

const sourceOf = (rule: FundingRule) => ({ url: rule.source.url, date: rule.source.date })

/** The NPEC the OPCO funds: cut by the distance-learning rule when it applies, never below its floor. */
function fundedNpec(
  input: ApprentissageInput,
  rules: readonly FundingRule[],
  scope: { opcoId: OpcoId | null; idcc: string | null },
) {
  const cut = ruleInForce(rules, 'npec-distance-reduction', 'apprentissage', input.date, scope)
  if (!cut || !input.distanceLearning) {
    return { npecCents: input.npecCents, rule: null }
  }
  const reduced = Math.round((input.npecCents * (100 - cut.params.reductionPercent)) / 100)
  return {
    npecCents: Math.min(input.npecCents, Math.max(cut.params.floorCents, reduced)),
    rule: cut,
  }
}

/**
 * Frais annexes paid by the OPCO up to the rule's amounts: per meal, per night, first equipment
 * (capped at its cost). Adds their lines and answers their total, counted in the cost as well.
 */
function annexCosts(
  input: ApprentissageInput,
  rules: readonly FundingRule[],
  scope: { opcoId: OpcoId | null; idcc: string | null },
  lines: SimulationLine[],
): number {
  const rule = ruleInForce(rules, 'annex-costs', 'apprentissage', input.date, scope)
  if (!rule || !input.annex) return 0
  const text = FUNDING_TEXT[input.lang]
  const items = [
    {
      label: text.annexMeals(input.annex.meals),
      cents: input.annex.meals * rule.params.mealCents,
    },
    {
      label: text.annexNights(input.annex.nights),
      cents: input.annex.nights * rule.params.nightCents,
    },
    {
      label: text.annexEquipment,
      cents: Math.min(input.annex.firstEquipmentCents, rule.params.firstEquipmentCents),
    },
  ].filter((item) => item.cents > 0)
  for (const item of items) {
    lines.push({
      label: item.label,
      amountCents: item.cents,
      payer: 'opco',
      ruleId: rule.id,
      source: sourceOf(rule),
    })
  }
  return items.reduce((sum, item) => sum + item.cents, 0)
}

export function simulateApprentissage(
  input: ApprentissageInput,
  rules: readonly FundingRule[],
): SimulationResult {
  const scope = { opcoId: input.opcoId, idcc: input.idcc }
  const text = FUNDING_TEXT[input.lang]
  const lines: SimulationLine[] = []
  const warnings: string[] = []

  const npec = fundedNpec(input, rules, scope)
  // The OPCO pays the CFA the NPEC, and never more than the training costs.
  const npecFunded = Math.min(input.priceCents, npec.npecCents)
  lines.push({
    label: npec.rule ? text.npecCut(npec.rule.params.reductionPercent) : text.npecFunded,
    amountCents: npecFunded,
    payer: 'opco',
    ruleId: npec.rule?.id ?? null,
    source: npec.rule ? sourceOf(npec.rule) : null,
  })

  const aboveNpec = input.priceCents - npecFunded
  if (aboveNpec > 0) {
    lines.push({
      label: text.aboveNpec,
      amountCents: aboveNpec,
      payer: 'employer',
      ruleId: null,
      source: null,
    })
  }

  const participation = ruleInForce(
    rules,
    'employer-participation',
    'apprentissage',
    input.date,
    scope,
  )
  if (participation && input.level >= participation.params.minLevel) {
    const amount = Math.min(participation.params.amountCents, npecFunded)
    lines.push(
      {
        label: text.participationDeducted(participation.params.minLevel),
        amountCents: -amount,
        payer: 'opco',
        ruleId: participation.id,
        source: sourceOf(participation),
      },
      {
        label: text.participationInvoiced(participation.params.minLevel),
        amountCents: amount,
        payer: 'employer',
        ruleId: participation.id,
        source: sourceOf(participation),
      },
    )
  }

  const annexCents = annexCosts(input, rules, scope, lines)

  const aid = ruleInForce(rules, 'hiring-aid', 'apprentissage', input.date, scope)
  const bracket = aid?.params.brackets.find(
    (candidate) =>
      (candidate.minHeadcount === null || input.headcount >= candidate.minHeadcount) &&
      (candidate.maxHeadcount === null || input.headcount < candidate.maxHeadcount) &&
      (candidate.minLevel === null || input.level >= candidate.minLevel) &&
      (candidate.maxLevel === null || input.level <= candidate.maxLevel) &&
      (candidate.rqth === null || candidate.rqth === input.rqth),
  )
  if (aid && bracket) {
    lines.push({
      label: text.hiringAid,
      amountCents: bracket.amountCents,
      payer: 'state',
      ruleId: aid.id,
      source: sourceOf(aid),
    })
    warnings.push(text.aidProrated)
  } else {
    warnings.push(aid ? text.noAidForContract : text.noAidAtDate)
  }

  const total = (payer: SimulationLine['payer']) =>
    lines.filter((line) => line.payer === payer).reduce((sum, line) => sum + line.amountCents, 0)
  return {
    scheme: 'apprentissage',
    date: input.date,
    opcoId: input.opcoId,
    totalCostCents: input.priceCents + annexCents,
    opcoFundingCents: total('opco'),
    employerCostCents: total('employer'),
    stateAidCents: total('state'),
    lines,
    warnings,
  }
}
