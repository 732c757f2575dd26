/** The context chained to a booking: what the finder and the simulator found, as the API stores it and as the visitor reads it. */
import type { BookingContext, SimulationContext } from '../../api/contracts/bookings'
import type { Scheme } from '../../api/contracts/funding-rules'
import type { SimulationChangeDetail } from '../shared/events'
import { dictionaries, type Lang } from '../shared/i18n'
import { formatDay } from './slot-format'

const t = dictionaries({
  fr: {
    company: 'Entreprise',
    colon: '\u00a0: ',
    schemes: {
      apprentissage: 'contrat d’apprentissage',
      'contrat-pro': 'contrat de professionnalisation',
      'pro-a': 'Pro-A',
      plan: 'plan de développement des compétences',
      'tutor-training': 'formation du tuteur',
    } as Record<Scheme, string>,
    simulation: (scheme: string, date: string) => `Simulation ${scheme} au ${date}`,
    amounts: ['coût', 'OPCO', 'reste à charge', 'aide de l’État'],
    unknown: 'non estimé',
  },
  en: {
    company: 'Company',
    colon: ': ',
    schemes: {
      apprentissage: 'apprenticeship contract',
      'contrat-pro': 'professionalisation contract',
      'pro-a': 'Pro-A',
      plan: 'skills development plan',
      'tutor-training': 'tutor training',
    } as Record<Scheme, string>,
    simulation: (scheme: string, date: string) => `Simulation, ${scheme}, on ${date}`,
    amounts: ['cost', 'OPCO', 'left to pay', 'State aid'],
    unknown: 'not estimated',
  },
})

/**
 * What a `ganapati-simulation-change` tells the advisor: the scheme, date and four amounts of the
 * result, and the request's own scalar fields (price, hours, headcount…) as `inputs`.
 */
export function simulationContext({ request, result }: SimulationChangeDetail): SimulationContext {
  const inputs: NonNullable<SimulationContext['inputs']> = {}
  for (const [key, value] of Object.entries(request)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      inputs[key] = value as string | number | boolean | null
    }
  }
  return {
    scheme: result.scheme,
    date: result.date,
    totalCostCents: result.totalCostCents,
    opcoFundingCents: result.opcoFundingCents,
    employerCostCents: result.employerCostCents,
    stateAidCents: result.stateAidCents,
    inputs,
  }
}

const money = (cents: number | null, lang: Lang) =>
  cents == null
    ? t(lang).unknown
    : new Intl.NumberFormat(lang, {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: cents % 100 ? 2 : 0,
      }).format(cents / 100)

/**
 * The context in a few short lines: « SIRET : 418 166 096 00069 », « IDCC : 1486 », « OPCO : Atlas »,
 * « Simulation contrat d’apprentissage au 1 octobre 2026 : coût 8 500 €, OPCO 6 250 €, … ».
 */
export function contextLines(
  context: BookingContext,
  lang: Lang,
  opcoName: string | null,
  company?: string | null,
): string[] {
  const d = t(lang)
  const { siret, idcc, opcoId, simulation } = context
  const lines = [
    company && `${d.company}${d.colon}${company}`,
    siret && `SIRET${d.colon}${siret.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 ')}`,
    idcc && `IDCC${d.colon}${idcc}`,
    opcoId && `OPCO${d.colon}${opcoName ?? opcoId}`,
  ]
  if (simulation) {
    const amounts = [
      simulation.totalCostCents,
      simulation.opcoFundingCents,
      simulation.employerCostCents,
      simulation.stateAidCents,
    ]
    lines.push(
      `${d.simulation(
        d.schemes[simulation.scheme] ?? simulation.scheme,
        formatDay(simulation.date, lang, { day: 'numeric', month: 'long', year: 'numeric' }),
      )}${d.colon}${amounts.map((cents, i) => `${d.amounts[i]} ${money(cents, lang)}`).join(', ')}`,
    )
  }
  return lines.filter((line): line is string => !!line)
}
