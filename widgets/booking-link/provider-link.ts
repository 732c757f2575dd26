/** Link mode: a partner's scheduling page (HubSpot, Cal.com, Calendly) with what is known prefilled in its URL. Pure. */
import type { BookingContext } from '../../api/contracts/bookings'

export const PROVIDERS = ['hubspot', 'calcom', 'calendly'] as const
export type Provider = (typeof PROVIDERS)[number]

/** What the host page knows of the visitor (`name`, `email`, `phone` attributes). */
export interface Visitor {
  name?: string | null
  email?: string | null
  phone?: string | null
}

/**
 * The scheduling page `href` (already checked http(s)) with the visitor and the context as each
 * provider documents its prefill parameters; the page's own query parameters are kept. `summary` is
 * the one-line context for the providers that take free text. HubSpot takes none: the context
 * cannot travel to it.
 */
export function providerLink(
  provider: Provider,
  href: string,
  visitor: Visitor,
  context: BookingContext,
  summary: string,
): string {
  const url = new URL(href)
  const set = (name: string, value: string | null | undefined) => {
    const trimmed = value?.trim()
    if (trimmed) url.searchParams.set(name, trimmed)
  }
  const name = visitor.name?.trim() ?? ''
  if (provider === 'hubspot') {
    // HubSpot Knowledge Base, meetings scheduling page: firstName, lastName and email prefill its form.
    const space = name.indexOf(' ')
    set('firstName', space < 0 ? name : name.slice(0, space))
    set('lastName', space < 0 ? '' : name.slice(space + 1))
    set('email', visitor.email)
  } else if (provider === 'calendly') {
    // Calendly Help Center, "How to pre-fill invitee information in your Calendly link": name, email, a1 (first custom answer).
    set('name', name)
    set('email', visitor.email)
    set('a1', summary)
  } else {
    // Cal.com Help, "Prefill fields": any booking question by its identifier (name, email, notes, attendeePhoneNumber).
    set('name', name)
    set('email', visitor.email)
    set('notes', summary)
    set('attendeePhoneNumber', visitor.phone)
    // Cal.com Help, "Prefill booking form in Embed": metadata[key] lands in the booking's metadata and webhooks.
    set('metadata[siret]', context.siret)
    set('metadata[idcc]', context.idcc)
    set('metadata[opcoId]', context.opcoId)
  }
  // %20 for spaces, as every provider's help page writes them; a literal + was encoded %2B already.
  url.search = url.searchParams.toString().replace(/\+/g, '%20')
  return url.href
}
