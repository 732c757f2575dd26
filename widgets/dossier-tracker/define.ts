/** Registers <ganapati-dossier-tracker>; the only module of the tracker with a side effect. */
import { defineElement } from '../shared/base-element'
import { GanapatiDossierTracker } from './dossier-tracker'

defineElement('ganapati-dossier-tracker', GanapatiDossierTracker)

declare global {
  interface HTMLElementTagNameMap {
    'ganapati-dossier-tracker': GanapatiDossierTracker
  }
}

export { GanapatiDossierTracker }
