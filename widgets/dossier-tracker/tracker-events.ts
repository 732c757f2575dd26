/** The tracker's public events, added to the widgets' one typed event map (widgets/shared/events.ts). */
import type { DossierState } from '../../api/contracts/dossiers'
import type { Member } from '../../api/contracts/members'

/** Detail of `ganapati-dossier-change`: a step was recorded, or a dossier opened. */
export interface DossierChangeDetail {
  id: string
  state: DossierState
  version: number
}

/** Detail of `ganapati-signed-in`: who the session is for. */
export interface SignedInDetail {
  member: Member
}

declare module '../shared/events' {
  interface GanapatiEventMap {
    'ganapati-dossier-change': CustomEvent<DossierChangeDetail>
    'ganapati-signed-in': CustomEvent<SignedInDetail>
    'ganapati-signed-out': CustomEvent<null>
  }
}
