/**
 * Where a sign-in link leads: back to the page that asked for it, when that page is one of ours or
 * a partner's, with the token in the fragment (`#ganapati-auth=<token>`), which never reaches a
 * server, a log or a Referer. Pure.
 */

/** The fragment the dossier tracker reads and exchanges for a session, then removes. */
export const AUTH_FRAGMENT = 'ganapati-auth'
/** The dossier the tracker opens once signed in. */
export const DOSSIER_FRAGMENT = 'ganapati-dossier'

/** Hosts only the developer's machine reaches, where http is all there is. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The page a link may lead to, without its fragment: https (http on a loopback host only), on
 * PUBLIC_URL's origin or an allowed partner origin, no credentials in it; null otherwise, so our
 * e-mail never carries a token to a page we do not know.
 */
export function allowedReturnPage(
  returnUrl: string,
  publicUrl: string,
  allowedOrigins: readonly string[],
): string | null {
  let page: URL
  try {
    page = new URL(returnUrl)
  } catch {
    return null
  }
  const secure =
    page.protocol === 'https:' || (page.protocol === 'http:' && LOOPBACK.has(page.hostname))
  const known = page.origin === new URL(publicUrl).origin || allowedOrigins.includes(page.origin)
  if (!secure || !known || page.username || page.password) return null
  page.hash = ''
  return page.href
}

/** `<page>#ganapati-auth=<token>`, and `&ganapati-dossier=<id>` for a link that opens a dossier. */
export function signInLink(page: string, token: string, dossierId: string | null): string {
  const url = new URL(page)
  url.hash = `${AUTH_FRAGMENT}=${token}${dossierId ? `&${DOSSIER_FRAGMENT}=${dossierId}` : ''}`
  return url.href
}
