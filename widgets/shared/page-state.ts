/**
 * What a widget keeps in the host page for the visitor: parameters taken out of the address bar
 * (tokens of e-mailed links), and entries in this tab's sessionStorage.
 */
import { fragmentParam, pageFragment } from './fragment'

/**
 * The values of the fragment's parameters `names`, taken out of the address bar at once so that a
 * token is neither bookmarked nor shared; the rest of the fragment stays. Null when none is there.
 */
export function takeFromAddress(names: readonly string[]): Record<string, string> | null {
  const found = Object.fromEntries(
    names.flatMap((name) => {
      const value = fragmentParam(location.hash, name)
      return value === null ? [] : [[name, value]]
    }),
  )
  if (!Object.keys(found).length) return null
  const own = pageFragment(location.hash, new RegExp(`^(${names.join('|')})$`))
  history.replaceState(history.state, '', location.pathname + location.search + (own && `#${own}`))
  return found
}

/** An entry of this tab's sessionStorage; null when absent or when the storage refuses (a sandboxed frame). */
export function readTab(name: string): string | null {
  try {
    return sessionStorage.getItem(name)
  } catch {
    return null
  }
}

/** Writes an entry of this tab's sessionStorage, or removes it (null); a full or refusing storage keeps nothing. */
export function writeTab(name: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(name)
    else sessionStorage.setItem(name, value)
  } catch {
    // Nothing kept: the widget asks again on the next page.
  }
}
