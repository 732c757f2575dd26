/** CDN entry (`/widgets/ganapati.js`): one script tag registers every Ganapati widget. */
import './opco-finder/define'

export { GanapatiOpcoFinder } from './opco-finder/opco-finder'
export type { GanapatiEventMap, OpcoFoundDetail } from './shared/events'
