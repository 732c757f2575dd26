/** The simulator's share link: a simulation in the page address's hash, numbers written language-neutral, and back. Pure. */
import type { Scheme } from '../../api/contracts/funding-rules'
import type { Lang } from '../i18n/translation'
import {
  FIELDS,
  SCHEMES,
  formatNumber,
  isText,
  parseNumber,
  type Field,
  type Values,
} from './simulation-input'

const SHARE_KEY = 'ganapati-sim'

/** The page's address with the simulation in its hash: numbers in a language-neutral form. */
export function shareLink(
  scheme: Scheme,
  compare: Scheme | '',
  values: Values,
  lang: Lang,
  page: string,
): string {
  const params = new URLSearchParams({ scheme })
  if (compare) params.set('compare', compare)
  for (const field of FIELDS) {
    const text = values[field]?.trim()
    if (!text) continue
    const number = isText(field) ? NaN : parseNumber(text, lang)
    params.set(field, Number.isNaN(number) ? text : String(number))
  }
  return `${page.replace(/#.*/, '')}#${new URLSearchParams({ [SHARE_KEY]: `${params}` })}`
}

/** What a shared link carries, from `location.hash`; empty without one. */
export function readShared(hash: string): URLSearchParams {
  return new URLSearchParams(new URLSearchParams(hash.slice(1)).get(SHARE_KEY) ?? '')
}

/** What a shared link restores: the visitor's fields, never over a preset, numbers in `lang`. */
export interface Restored {
  values: Values
  scheme: Scheme | null
  compare: string | null
}

export function restoreShared(hash: string, lang: Lang, presets: Field[]): Restored {
  const shared = readShared(hash)
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
