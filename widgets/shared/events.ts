/** The public event contract of every Ganapati widget: one typed map, one name per event. */
import type { Confidence } from '../../api/contracts/conventions'
import type { OpcoId } from '../../api/contracts/opcos'
import type { SimulationRequest, SimulationResult } from '../../api/contracts/simulations'

/** Detail of `ganapati-opco-found`: what a host page needs to chain the simulator or a CRM. */
export interface OpcoFoundDetail {
  opcoId: OpcoId
  /** Zero-padded IDCC of the convention that decided the OPCO. */
  idcc: string
  /** Null when the visitor searched a convention, or for a company the directory knows without establishment. */
  siret: string | null
  /** The company's name when the visitor searched a company; null for a convention. */
  company: string | null
  confidence: Confidence | null
}

/**
 * What a page-context listener of `ganapati-opco-found` is told: the finding, or nothing when a
 * `ganapati-opco-cleared` says the last result went.
 */
export type OpcoContext = OpcoFoundDetail | Partial<Record<keyof OpcoFoundDetail, undefined>>

/** Detail of `ganapati-simulation-change`: the body the simulator sent and the API's answer. */
export interface SimulationChangeDetail {
  request: SimulationRequest
  result: SimulationResult
}

/** Detail of `ganapati-booking-submitted`: a booking request was sent for this slot. */
export interface BookingSubmittedDetail {
  advisorId: string
  /** The slot's start, ISO 8601 UTC. */
  start: string
}

/** Detail of `ganapati-booking-confirmed`: the booking made; never its manage token. */
export interface BookingConfirmedDetail {
  id: string
  advisorId: string
  start: string
  end: string
}

/** Detail of `ganapati-booking-failed`: why a booking request did not go through. */
export interface BookingFailedDetail {
  /** The problem's slug (`slot-taken`, `slot-unavailable`, `validation-error`…) or the error kind (`network`, `timeout`…). */
  reason: string
  /** HTTP status; null when no answer came. */
  status: number | null
}

export interface GanapatiEventMap {
  'ganapati-opco-found': CustomEvent<OpcoFoundDetail>
  /** The result a `ganapati-opco-found` announced goes: a new search, which may find no OPCO. */
  'ganapati-opco-cleared': CustomEvent<null>
  'ganapati-simulation-change': CustomEvent<SimulationChangeDetail>
  'ganapati-booking-submitted': CustomEvent<BookingSubmittedDetail>
  'ganapati-booking-confirmed': CustomEvent<BookingConfirmedDetail>
  'ganapati-booking-failed': CustomEvent<BookingFailedDetail>
}

export type GanapatiEventName = keyof GanapatiEventMap

export type GanapatiEventDetail<K extends GanapatiEventName> =
  GanapatiEventMap[K] extends CustomEvent<infer D> ? D : never

declare global {
  // Lets `addEventListener('ganapati-opco-found', …)` type its detail on any element or document.
  interface HTMLElementEventMap extends GanapatiEventMap {}
  interface DocumentEventMap extends GanapatiEventMap {}
}
