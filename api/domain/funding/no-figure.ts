/** When no figure is known for an OPCO or branch: say so and where to look, never a guessed amount. */
import type { Scheme } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import type { Lang } from '../reason-text'
import { FUNDING_TEXT, type OpcoPages } from './funding-text'

export function noFigure(
  request: { scheme: Scheme; date: string; opcoId: OpcoId | null; priceCents: number; lang: Lang },
  opco: OpcoPages | null,
  why: string,
): SimulationResult {
  const text = FUNDING_TEXT[request.lang]
  return {
    scheme: request.scheme,
    date: request.date,
    opcoId: request.opcoId,
    totalCostCents: request.priceCents,
    opcoFundingCents: null,
    employerCostCents: null,
    stateAidCents: 0,
    lines: [],
    warnings: [`${why} ${text.notEstimated} ${text.criteria(opco)}`],
  }
}
