/**
 * The booking a visitor keeps: the manage link of the e-mails (`<page>#ganapati-booking=<id>.<token>`,
 * or in a hash route's query) and, across reloads, this tab's sessionStorage.
 */
import { pageFragment } from '../shared/fragment'
import { readTab, takeFromAddress as takeParams, writeTab } from '../shared/page-state'

/** `<id>.<token>`, as the manage link and the storage write it. */
export interface KeptBooking {
  id: string
  token: string
}

const PARAM = 'ganapati-booking'

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
  const taken = takeParams([PARAM])
  return taken && readKept(taken[PARAM])
}

/** The page address for the e-mails' links: a hash route kept (without any widget's parameter), an anchor dropped. */
export function pageAddress(): string {
  const own = pageFragment(location.hash)
  return location.href.split('#')[0]! + (/^!?\//.test(own) ? `#${own}` : '')
}

/** The booking this tab keeps for `api`, if any; a storage that refuses (sandboxed frame) keeps none. */
export function keptFor(api: string): KeptBooking | null {
  return readKept(readTab(storageKey(api)))
}

/** Keeps a booking for `api` in this tab, or forgets it (null). */
export function keep(api: string, booking: KeptBooking | null): void {
  writeTab(storageKey(api), booking && `${booking.id}.${booking.token}`)
}
