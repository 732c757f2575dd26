/** The tracker's bearer session: a sign-in link's fragment read and taken out of the address bar, the session kept in this tab, one per API. */
import type { Member } from '../../api/contracts/members'
import { readTab, takeFromAddress as takeParams, writeTab } from '../shared/page-state'

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
    const kept = JSON.parse(readTab(storageKey(api)) ?? 'null') as KeptSession | null
    return typeof kept?.sessionToken === 'string' ? kept : null
  } catch {
    // Not JSON: nothing kept.
    return null
  }
}

/** Keeps a session for an API, or forgets it (null). */
export function keepSession(api: string, session: KeptSession | null): void {
  writeTab(storageKey(api), session && JSON.stringify(session))
}

/**
 * The sign-in token and the dossier a link's fragment carries (`#ganapati-auth=<token>` and maybe
 * `&ganapati-dossier=<id>`, api/domain/sign-in-link.ts), taken out of the address bar at once so
 * the token is neither bookmarked nor shared; the rest of the fragment stays. Null when the
 * fragment has neither.
 */
export function takeFromAddress(): { token: string | null; dossier: string | null } | null {
  const taken = takeParams(['ganapati-auth', 'ganapati-dossier'])
  return (
    taken && { token: taken['ganapati-auth'] || null, dossier: taken['ganapati-dossier'] || null }
  )
}
