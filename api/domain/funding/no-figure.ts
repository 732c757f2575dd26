/** When no figure is known for an OPCO or branch: say so and where to look, never a guessed amount. */
import type { Scheme } from '../../contracts/funding-rules'
import type { OpcoId } from '../../contracts/opcos'
import type { SimulationResult } from '../../contracts/simulations'
import { ofName } from '../reason-text'

/** Where to read the OPCO's own criteria. */
export interface OpcoCriteria {
  name: string
  fundingCriteriaUrl: string | null
  website: string | null
}

export const SCHEME_LABEL: Record<Scheme, string> = {
  apprentissage: "l'apprentissage",
  'contrat-pro': 'le contrat de professionnalisation',
  'pro-a': 'la Pro-A',
  plan: 'le plan de développement des compétences',
  'tutor-training': 'la formation du tuteur',
}

export function criteriaHint(opco: OpcoCriteria | null): string {
  if (!opco) return 'Consultez les critères de prise en charge de votre OPCO.'
  const page = opco.fundingCriteriaUrl ?? opco.website
  return page
    ? `Consultez les critères ${ofName(opco.name)} : ${page}`
    : `Consultez les critères ${ofName(opco.name)}.`
}

export function noFigure(
  request: { scheme: Scheme; date: string; opcoId: OpcoId | null; priceCents: number },
  opco: OpcoCriteria | null,
  why: string,
): SimulationResult {
  return {
    scheme: request.scheme,
    date: request.date,
    opcoId: request.opcoId,
    totalCostCents: request.priceCents,
    opcoFundingCents: null,
    employerCostCents: null,
    stateAidCents: 0,
    lines: [],
    warnings: [`${why} Le montant pris en charge n'est pas estimé. ${criteriaHint(opco)}`],
  }
}
