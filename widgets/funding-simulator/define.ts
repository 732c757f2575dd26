/** Registers <ganapati-funding-simulator>; the only module of the simulator with a side effect. */
import { defineElement } from '../shared/base-element'
import { GanapatiFundingSimulator } from './funding-simulator'

defineElement('ganapati-funding-simulator', GanapatiFundingSimulator)

declare global {
  interface HTMLElementTagNameMap {
    'ganapati-funding-simulator': GanapatiFundingSimulator
  }
}

export { GanapatiFundingSimulator }
