/** CDN entry (`/widgets/ganapati.js`): one script tag registers every Ganapati widget. */
import './opco-finder/define'
import './funding-simulator/define'

export { GanapatiOpcoFinder } from './opco-finder/opco-finder'
export { GanapatiFundingSimulator } from './funding-simulator/funding-simulator'
export type { GanapatiEventMap, OpcoFoundDetail, SimulationChangeDetail } from './shared/events'
