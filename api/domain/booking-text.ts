/** The words of a booked call — its calendar event and the advisor's notification — in French or English. */
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

/** The event's description: what the visitor told and what the widgets knew, one fact a line. */
export function callDescription(call: BookedCall): string {
  const words = WORDS[call.lang]
  const context = call.context
  const lines = [
    call.company && `${words.company}${words.colon}${call.company}`,
    call.phone && `${words.phone}${words.colon}${call.phone}`,
    context?.siret && `${words.siret}${words.colon}${context.siret}`,
    context?.idcc && `${words.idcc}${words.colon}${context.idcc}`,
    context?.opcoId && `${words.opco}${words.colon}${call.opcoName ?? context.opcoId}`,
    context?.simulation &&
      `${words.simulation}${words.colon}${simulationLine(context.simulation, call.lang)}`,
    call.message && `${words.message}${words.colon}${call.message}`,
    `${words.reference}${words.colon}${call.id}`,
    words.cancel,
  ]
  return lines.filter((line): line is string => Boolean(line)).join('\n')
}
