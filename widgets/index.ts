/** CDN entry (`/widgets/ganapati.js`): one script tag registers every Ganapati widget. */
import './opco-finder/define'
import './funding-simulator/define'
import './booking-link/define'

export { GanapatiOpcoFinder } from './opco-finder/opco-finder'
export { GanapatiFundingSimulator } from './funding-simulator/funding-simulator'
export { GanapatiBookingLink } from './booking-link/booking-link'
export type {
  BookingConfirmedDetail,
  BookingFailedDetail,
  BookingSubmittedDetail,
  GanapatiEventMap,
  OpcoFoundDetail,
  SimulationChangeDetail,
} from './shared/events'
