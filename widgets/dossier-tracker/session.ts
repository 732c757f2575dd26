/** The tracker's bearer session: a sign-in link's fragment read and taken out of the address bar, the session kept in this tab, one per API. */
import type { Member } from '../../api/contracts/members'
import { fragmentParam, pageFragment } from '../shared/fragment'

/** What a tab keeps of a session: the bearer token, and who it is for once known. */
export interface KeptSession {
  sessionToken: string
  member: Member | null
}

const storageKey = (api: string) => `ganapati-session ${api}`

/**
 * The session this tab keeps for an API. sessionStorage, not localStorage: the token goes with the
 * tab. A storage that throws (disabled, a sandboxed frame) keeps nothing.
 */
export function keptSession(api: string): KeptSession | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(storageKey(api)) ?? 'null') as KeptSession | null
    return typeof kept?.sessionToken === 'string' ? kept : null
  } catch {
    return null
  }
}

/** Keeps a session for an API, or forgets it (null). */
export function keepSession(api: string, session: KeptSession | null): void {
  try {
    if (session) sessionStorage.setItem(storageKey(api), JSON.stringify(session))
    else sessionStorage.removeItem(storageKey(api))
  } catch {
    // Nothing kept: the visitor signs in again on the next page.
  }
}

/**
 * The sign-in token and the dossier a link's fragment carries (`#ganapati-auth=<token>` and maybe
 * `&ganapati-dossier=<id>`, api/domain/sign-in-link.ts), taken out of the address bar at once so
 * the token is neither bookmarked nor shared; the rest of the fragment stays. Null when the
 * fragment has neither.
 */
export function takeFromAddress(): { token: string | null; dossier: string | null } | null {
  const token = fragmentParam(location.hash, 'ganapati-auth')
  const dossier = fragmentParam(location.hash, 'ganapati-dossier')
  if (token === null && dossier === null) return null
  const own = pageFragment(location.hash, /^ganapati-(auth|dossier)$/)
  history.replaceState(history.state, '', location.pathname + location.search + (own && `#${own}`))
  return { token: token || null, dossier: dossier || null }
}
