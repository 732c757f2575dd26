/**
 * The booking a visitor keeps: the manage link of the e-mails (`<page>#ganapati-booking=<id>.<token>`,
 * the server drops the page's own fragment) and, across reloads, this tab's sessionStorage.
 */

/** `<id>.<token>`, as the manage link and the storage write it. */
export interface KeptBooking {
  id: string
  token: string
}

const PREFIX = '#ganapati-booking='

/** A booking written `<id>.<token>`, or null for anything else. */
export function readKept(value: string | null | undefined): KeptBooking | null {
  const match = /^([\w-]+)\.([\w-]+)$/.exec(value ?? '')
  return match ? { id: match[1]!, token: match[2]! } : null
}

/** One entry per API, so two APIs' widgets never mix their bookings. */
const storageKey = (api: string) => `ganapati-booking ${api}`

/**
 * The booking the page address names, taken out of it so that the token is neither bookmarked nor
 * left in the address bar; null when the address names none.
 */
export function takeFromAddress(): KeptBooking | null {
  if (!location.hash.startsWith(PREFIX)) return null
  const kept = readKept(location.hash.slice(PREFIX.length))
  history.replaceState(history.state, '', location.pathname + location.search)
  return kept
}

/** The booking this tab keeps for `api`, if any; a storage that refuses (sandboxed frame) keeps none. */
export function keptFor(api: string): KeptBooking | null {
  try {
    return readKept(sessionStorage.getItem(storageKey(api)))
  } catch {
    return null
  }
}

/** Keeps a booking for `api` in this tab, or forgets it (null). */
export function keep(api: string, booking: KeptBooking | null): void {
  try {
    if (booking) sessionStorage.setItem(storageKey(api), `${booking.id}.${booking.token}`)
    else sessionStorage.removeItem(storageKey(api))
  } catch {
    // Full or refused: the booking still shows until the page is left.
  }
}
