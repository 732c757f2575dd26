/**
 * The widgets' parameters in the page address's fragment (`ganapati-…=value`), beside the page's
 * own: a hash route (`#/tarifs?tab=2`) or an anchor. A parameter stands at the fragment's start or
 * after `?` or `&`. Pure.
 */

/** A parameter's value wherever it stands in the fragment; null without it. */
export function fragmentParam(fragment: string, name: string): string | null {
  for (const piece of fragment.replace(/^#/, '').split(/[?&]/)) {
    if (!piece.startsWith(`${name}=`)) continue
    try {
      return decodeURIComponent(piece.slice(name.length + 1))
    } catch {
      return null
    }
  }
  return null
}

/**
 * The fragment without the parameters `names` matches (by default every widget's): `/tarifs?tab=2`
 * of `#/tarifs?ganapati-sim=…&tab=2&ganapati-booking=…`. What a page shares or bookmarks never
 * carries a manage or sign-in token.
 */
export function pageFragment(fragment: string, names = /^ganapati-/): string {
  return fragment
    .replace(/^#/, '')
    .replace(/(^|[?&])([^=?&]+)=[^?&]*/g, (piece, before: string, name: string) =>
      names.test(name) ? before : piece,
    )
    .replace(/[?&]+$|^&+|([?&])&+/g, '$1')
}
