/**
 * The simulator's share link: a simulation in the page address's fragment, next to the page's own
 * (a hash route, an anchor), numbers written language-neutral, and back. Pure.
 */
import type { Scheme } from '../../api/contracts/funding-rules'
import type { Lang } from '../i18n/translation'
import { FIELDS, SCHEMES, isText, type Field, type Values } from './simulation-input'
import { formatNumber, parseNumber } from '../shared/localize'
import { pageFragment } from '../shared/fragment'

/**
 * The name of a simulator's link in the fragment: `ganapati-sim`, or `ganapati-sim-<id>` for an
 * element with an id, so that two simulators on a page each restore their own.
 */
export const shareKey = (id?: string | null): string => `ganapati-sim${id ? `-${id}` : ''}`

/**
 * The page's address with the simulation in its fragment, numbers in a language-neutral form. A
 * hash route (`#/…`, `#!/…`) stays first, since routers read their path from the fragment's start,
 * and the link goes in its query. Any other fragment (an anchor, a tab's state) follows the link,
 * so the fragment starts `#ganapati-sim…` as links made before did.
 */
export function shareLink(
  scheme: Scheme,
  compare: Scheme | '',
  values: Values,
  lang: Lang,
  page: string,
  key = shareKey(),
): string {
  const params = new URLSearchParams({ scheme })
  if (compare) params.set('compare', compare)
  for (const field of FIELDS) {
    const text = values[field]?.trim()
    if (!text) continue
    const number = isText(field) ? NaN : parseNumber(text, lang)
    params.set(field, Number.isNaN(number) ? text : String(number))
  }
  const link = `${new URLSearchParams({ [key]: `${params}` })}`
  const at = page.indexOf('#')
  const own = at < 0 ? '' : pageFragment(page.slice(at + 1))
  const fragment = /^!?\//.test(own)
    ? `${own}${own.includes('?') ? '&' : '?'}${link}`
    : own
      ? `${link}&${own}`
      : link
  return `${at < 0 ? page : page.slice(0, at)}#${fragment}`
}

/** What a simulator's link carries, from `location.hash`; empty without one. */
export function readShared(hash: string, key = shareKey()): URLSearchParams {
  return new URLSearchParams(new URLSearchParams(hash.slice(1).replace(/\?/g, '&')).get(key) ?? '')
}

/** What a shared link restores: the visitor's fields, never over a preset, numbers in `lang`. */
export interface Restored {
  values: Values
  scheme: Scheme | null
  compare: string | null
}

export function restoreShared(
  hash: string,
  lang: Lang,
  presets: Field[],
  key = shareKey(),
): Restored {
  const shared = readShared(hash, key)
  const values: Values = {}
  for (const field of FIELDS) {
    const text = shared.get(field)
    if (text == null || presets.includes(field)) continue
    const number = Number(text)
    values[field] = !isText(field) && text && number >= 0 ? formatNumber(number, lang) : text
  }
  const scheme = shared.get('scheme') as Scheme
  return {
    values,
    scheme: SCHEMES.includes(scheme) ? scheme : null,
    compare: shared.get('compare'),
  }
}
