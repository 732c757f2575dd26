/** Registers <ganapati-opco-finder>; the only module of the finder with a side effect. */
import { defineElement } from '../shared/base-element'
import { GanapatiOpcoFinder } from './opco-finder'

defineElement('ganapati-opco-finder', GanapatiOpcoFinder)

declare global {
  interface HTMLElementTagNameMap {
    'ganapati-opco-finder': GanapatiOpcoFinder
  }
}

export { GanapatiOpcoFinder }
