/** Links to other sites, opened in a new tab and said so, and the web addresses of a sentence made links. */
import { html } from 'lit'
import type { CommonWords } from '../i18n/translation'
import { safeHttpUrl } from './api-client'

/**
 * A sentence cut around its http(s) addresses: odd pieces are the addresses, without the
 * punctuation that closes the sentence or the parenthesis around them.
 */
export function splitUrls(text: string): string[] {
  return text.split(/(https?:\/\/[^\s<>()«»"]*[^\s<>()«»".,;:!?\u00a0])/)
}

/**
 * A link to another site, in a new tab (noreferrer: the page opened gets neither our address nor
 * `window.opener`), its label followed by « (nouvel onglet) » for screen readers; null for an href
 * that is not http(s), which is never linked.
 */
export function newTabLink(
  t: CommonWords,
  href: string | null | undefined,
  label: unknown,
  part = 'link',
  onClick?: (event: MouseEvent) => void,
) {
  const safe = safeHttpUrl(href)
  return safe
    ? html`<a
        class=${part === 'link' ? 'link' : 'button'}
        part=${part}
        href=${safe}
        target="_blank"
        rel="noreferrer"
        @click=${onClick}
        >${label}<span class="visually-hidden"> ${t.newTab}</span></a
      >`
    : null
}

/** A sentence from the API with its addresses as links, shown without their scheme. */
export function linkedText(t: CommonWords, text: string) {
  return splitUrls(text).map((piece, i) =>
    i % 2 ? newTabLink(t, piece, piece.replace(/^https?:\/\//, '')) : piece,
  )
}
