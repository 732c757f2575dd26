/** Registers <ganapati-booking-link>; the only module of the booking widget with a side effect. */
import { defineElement } from '../shared/base-element'
import { GanapatiBookingLink } from './booking-link'

defineElement('ganapati-booking-link', GanapatiBookingLink)

declare global {
  interface HTMLElementTagNameMap {
    'ganapati-booking-link': GanapatiBookingLink
  }
}

export { GanapatiBookingLink }
