/** The words of a booked call — its calendar event, its e-mails' facts — in French or English. */
import type { BookingContext, SimulationContext } from '../contracts/bookings'
import { formatEuros } from './funding/funding-text'
import type { Lang } from './reason-text'

export interface BookedCall {
  id: string
  advisorName: string
  name: string
  company: string | null
  phone: string | null
  message: string | null
  context: BookingContext | null
  /** The OPCO's name, when the context names one. */
  opcoName: string | null
  lang: Lang
}

const WORDS = {
  fr: {
    colon: '\u00a0: ',
    summary: (advisor: string) => `Appel avec ${advisor} (Ganapati)`,
    company: 'Entreprise',
    phone: 'Téléphone',
    message: 'Message',
    siret: 'SIRET',
    idcc: 'IDCC',
    opco: 'OPCO',
    simulation: 'Simulation',
    remaining: 'reste à charge',
    reference: 'Référence du rendez-vous',
    cancel: 'Pour annuler, utilisez le lien reçu à la réservation.',
  },
  en: {
    colon: ': ',
    summary: (advisor: string) => `Call with ${advisor} (Ganapati)`,
    company: 'Company',
    phone: 'Phone',
    message: 'Message',
    siret: 'SIRET',
    idcc: 'IDCC',
    opco: 'OPCO',
    simulation: 'Simulation',
    remaining: 'employer’s share',
    reference: 'Booking reference',
    cancel: 'To cancel, use the link you received when booking.',
  },
} as const

export function callSummary(call: Pick<BookedCall, 'advisorName' | 'lang'>): string {
  return WORDS[call.lang].summary(call.advisorName)
}

function simulationLine(simulation: SimulationContext, lang: Lang): string {
  const { scheme, date, employerCostCents } = simulation
  const remaining =
    employerCostCents === null
      ? ''
      : `, ${WORDS[lang].remaining} ${formatEuros(employerCostCents, lang)}`
  return `${scheme} (${date})${remaining}`
}

/** What the visitor told and what the widgets knew, as labelled facts, in the order a reader wants them. */
export function callFacts(call: BookedCall): [label: string, value: string][] {
  const words = WORDS[call.lang]
  const context = call.context
  const facts: [string, string | null | undefined | false][] = [
    [words.company, call.company],
    [words.phone, call.phone],
    [words.siret, context?.siret],
    [words.idcc, context?.idcc],
    [words.opco, context?.opcoId && (call.opcoName ?? context.opcoId)],
    [words.simulation, context?.simulation && simulationLine(context.simulation, call.lang)],
    [words.message, call.message],
  ]
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]))
}

/** The event's description: what the visitor told and what the widgets knew, one fact a line. */
export function callDescription(call: BookedCall): string {
  const words = WORDS[call.lang]
  return [
    ...callFacts(call).map(([label, value]) => `${label}${words.colon}${value}`),
    `${words.reference}${words.colon}${call.id}`,
    words.cancel,
  ].join('\n')
}
