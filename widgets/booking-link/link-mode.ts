/** The booking widget's link mode: the partner's own scheduler, prefilled, or why this page's link cannot be offered. */
import { html, nothing, type TemplateResult } from 'lit'
import type { BookingContext } from '../../api/contracts/bookings'
import * as fr from '../i18n/fr'
import type { BookingWords, CommonWords, FormWords } from '../i18n/translation'
import { safeHttpUrl } from '../shared/api-client'
import { contextLines } from './booking-context'
import type { GanapatiBookingLink } from './booking-link'
import { PROVIDERS, providerLink, type Provider } from './provider-link'

/** What a page's `provider` and `href` allow: a link, or an error explained. */
export function linkState(
  provider: string | null | undefined,
  href: string | null | undefined,
): 'ready' | 'error' {
  return safeHttpUrl(href) && PROVIDERS.includes(provider as Provider) ? 'ready' : 'error'
}

/**
 * The link to the partner's scheduler with the visitor (`name`, `email`, `phone` attributes) and the
 * context prefilled, or an explanation: an href that is not http(s) is never linked. `summary` is
 * « Votre conseiller recevra : … » in the visitor's language.
 */
export function linkMode(
  host: GanapatiBookingLink,
  t: CommonWords & FormWords & BookingWords,
  context: BookingContext,
  summary: TemplateResult | typeof nothing,
) {
  const { provider, href } = host
  const safe = safeHttpUrl(href)
  if (linkState(provider, href) === 'error' || !safe) {
    return html`<div class="notice notice--error" part="message" role="alert">
      <p>${safe ? t.badProvider : t.badHref}</p>
    </div>`
  }
  const opcoName = host.opcos?.get(context.opcoId ?? '') ?? null
  // The advisor reads French: the summary that travels is always in French.
  const french = { ...fr.common, ...fr.form, ...fr.booking }
  const link = providerLink(
    provider as Provider,
    safe,
    host,
    context,
    contextLines(context, french, 'fr', opcoName, host.company).join(' · '),
  )
  // HubSpot takes no free text: the summary would promise what does not travel.
  return html`${provider === 'hubspot' ? nothing : summary}
    <a class="button" part="link" href=${link} target="_blank" rel="noopener"
      >${t.book}<span class="visually-hidden"> ${t.newTab}</span></a
    >`
}
