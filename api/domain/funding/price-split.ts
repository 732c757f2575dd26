/** The common end of the OPCO-capped schemes: what the OPCO funds of the price, the rest for the employer. */
import type { FundingRule, Scheme } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationLine, SimulationResult } from '../../contracts/simulations'
import type { Lang } from '../reason-text'
import { FUNDING_TEXT } from './funding-text'

export interface SplitRequest {
  scheme: Scheme
  date: string
  opcoId: OpcoId | null
  priceCents: number
  lang: Lang
}

export function priceSplit(
  request: SplitRequest,
  funded: number,
  opcoLine: { label: string; rule: FundingRule | null },
  warnings: string[],
): SimulationResult {
  const lines: SimulationLine[] = [
    {
      label: opcoLine.label,
      amountCents: funded,
      payer: 'opco',
      ruleId: opcoLine.rule?.id ?? null,
      source: opcoLine.rule
        ? { url: opcoLine.rule.source.url, date: opcoLine.rule.source.date }
        : null,
    },
  ]
  if (request.priceCents > funded) {
    lines.push({
      label: FUNDING_TEXT[request.lang].remainder,
      amountCents: request.priceCents - funded,
      payer: 'employer',
      ruleId: null,
      source: null,
    })
  }
  return {
    scheme: request.scheme,
    date: request.date,
    opcoId: request.opcoId,
    totalCostCents: request.priceCents,
    opcoFundingCents: funded,
    employerCostCents: request.priceCents - funded,
    stateAidCents: 0,
    lines,
    warnings,
  }
}
