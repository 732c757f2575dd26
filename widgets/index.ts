/** CDN entry (`/widgets/ganapati.js`): one script tag registers every Ganapati widget. */
import './opco-finder/define'
import './funding-simulator/define'
import './booking-link/define'
import './dossier-tracker/define'

export { GanapatiOpcoFinder } from './opco-finder/opco-finder'
export { GanapatiFundingSimulator } from './funding-simulator/funding-simulator'
export { GanapatiBookingLink } from './booking-link/booking-link'
export { GanapatiDossierTracker } from './dossier-tracker/dossier-tracker'
export type { DossierChangeDetail, SignedInDetail } from './dossier-tracker/tracker-events'
export type {
  BookingConfirmedDetail,
  BookingFailedDetail,
  BookingSubmittedDetail,
  GanapatiEventMap,
  OpcoFoundDetail,
  SimulationChangeDetail,
} from './shared/events'
