/** The context chained to a booking: what the finder and the simulator found, as the API stores it and as the visitor reads it. Pure. */
import type { BookingContext, SimulationContext } from '../../api/contracts/bookings'
import type { OpcoId } from '../../api/contracts/opcos'
import type { BookingWords, CommonWords, FormWords, Lang } from '../i18n/translation'
import type { SimulationChangeDetail } from '../shared/events'
import { formatMoney, groupDigits } from '../shared/localize'
import { formatDay } from './slot-format'

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

/** Digits of a SIRET (14) or an IDCC (1 to 4, zero-padded); null for anything else. */
export function digits(value: string | null | undefined, length: 14 | 4): string | null {
  const found = value?.replace(/[\s.]/g, '')
  if (!found || !/^\d+$/.test(found)) return null
  if (length === 14) return found.length === 14 ? found : null
  return found.length <= 4 ? found.padStart(4, '0') : null
}

/** What the host page preset by attribute. */
export interface Presets {
  siret?: string | null
  idcc?: string | null
  opco?: string | null
}

/**
 * The context sent: presets first, then what the page's finder and simulator found, in the API's
 * shapes, without empty members. `knownOpcos` is GET /v1/opcos once answered: an id it does not
 * know would make the API refuse the whole booking.
 */
export function bookingContext(
  presets: Presets,
  found: BookingContext,
  knownOpcos: Map<string, unknown> | null | undefined,
): BookingContext {
  const opcoId = (presets.opco ?? found.opcoId) as OpcoId | null | undefined
  const context: BookingContext = {
    siret: digits(presets.siret ?? found.siret, 14),
    idcc: digits(presets.idcc ?? found.idcc, 4),
    opcoId: opcoId && (!knownOpcos || knownOpcos.has(opcoId)) ? opcoId : null,
    simulation: found.simulation,
  }
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value != null))
}

/**
 * The context in a few short lines: « SIRET : 418 166 096 00069 », « IDCC : 1486 », « OPCO : Atlas »,
 * « Simulation contrat d’apprentissage au 1 octobre 2026 : coût 8 500 €, OPCO 6 250 €, … ».
 */
export function contextLines(
  context: BookingContext,
  t: CommonWords & FormWords & BookingWords,
  lang: Lang,
  opcoName: string | null,
  company?: string | null,
): string[] {
  const { siret, idcc, opcoId, simulation } = context
  const lines = [
    company && `${t.company}${t.colon}${company}`,
    siret && `SIRET${t.colon}${groupDigits(siret)}`,
    idcc && `IDCC${t.colon}${idcc}`,
    opcoId && `OPCO${t.colon}${opcoName ?? opcoId}`,
  ]
  if (simulation) {
    const amounts = [
      simulation.totalCostCents,
      simulation.opcoFundingCents,
      simulation.employerCostCents,
      simulation.stateAidCents,
    ]
    lines.push(
      `${t.simulation(
        t.contextSchemes[simulation.scheme] ?? simulation.scheme,
        formatDay(simulation.date, lang, { day: 'numeric', month: 'long', year: 'numeric' }),
      )}${t.colon}${amounts
        .map(
          (cents, i) =>
            `${t.contextAmounts[i]} ${cents == null ? t.notEstimated : formatMoney(cents, lang)}`,
        )
        .join(', ')}`,
    )
  }
  return lines.filter((line): line is string => !!line)
}
