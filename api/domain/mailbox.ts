/** An e-mail address with its display name, as a setting such as MAIL_FROM writes it. Pure. */
import type { MailAddress } from './booking-mail'

/** `Ganapati <rendez-vous@ganapati.fr>`, `"Ganapati" <…>` or a bare address; null otherwise. */
export function parseMailbox(text: string): MailAddress | null {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s@]+@[^<>\s@]+)>\s*$/.exec(text)
  if (named) return { name: named[1]?.trim() ?? '', email: named[2] ?? '' }
  const bare = /^\s*([^<>\s@]+@[^<>\s@]+)\s*$/.exec(text)
  return bare ? { name: '', email: bare[1] ?? '' } : null
}
