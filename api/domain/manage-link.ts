/**
 * The links an e-mail gives a visitor to find their booking again: the page the booking widget was
 * on, reopened on the booking by its address fragment, and the cancellation page this server
 * serves. Pure.
 */

/** The fragment the booking widget reads: `#ganapati-booking=<id>.<token>`. */
export const MANAGE_FRAGMENT = 'ganapati-booking'

/** A fragment that is a hash route (`#/contact`, `#!/contact`): a single-page app's own page. */
const HASH_ROUTE = /^#!?\//

/**
 * The page a booking's manage link opens: the page the visitor booked on when its origin is
 * PUBLIC_URL's or an allowed one (a link in our e-mail never sends a visitor to a page we do not
 * know), its fragment dropped unless it is a hash route, which names the page in a single-page
 * app; else the demo page at PUBLIC_URL, which embeds the widget.
 */
export function managePage(
  pageUrl: string | null | undefined,
  publicUrl: string,
  allowedOrigins: readonly string[],
): string {
  const fallback = new URL('/', publicUrl).href
  if (!pageUrl) return fallback
  let page: URL
  try {
    page = new URL(pageUrl)
  } catch {
    return fallback
  }
  const known = page.origin === new URL(publicUrl).origin || allowedOrigins.includes(page.origin)
  if (!known || !/^https?:$/.test(page.protocol) || page.username || page.password) return fallback
  if (!HASH_ROUTE.test(page.hash)) page.hash = ''
  return page.href
}

/**
 * `<page>#ganapati-booking=<id>.<token>`: the fragment never reaches a server, nor a Referer. On a
 * hash route the booking goes in the route's query (`#/contact?ganapati-booking=…`), so the app's
 * router still finds its page, as the simulator's share link does.
 */
export function manageLink(page: string, bookingId: string, token: string): string {
  const url = new URL(page)
  const booking = `${MANAGE_FRAGMENT}=${bookingId}.${token}`
  url.hash = HASH_ROUTE.test(url.hash)
    ? `${url.hash}${url.hash.includes('?') ? '&' : '?'}${booking}`
    : booking
  return url.href
}

/** The page that asks to confirm, then cancels: a link opened by a mail scanner cancels nothing. */
export function cancelPageLink(publicUrl: string, bookingId: string, token: string): string {
  const url = new URL(`/bookings/${bookingId}/cancel`, publicUrl)
  url.searchParams.set('token', token)
  return url.href
}
