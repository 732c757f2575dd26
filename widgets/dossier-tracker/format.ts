/** Dates and amounts of a dossier as the tracker shows them. Pure. */
import type { Lang } from '../i18n/translation'

/**
 * « 3 décembre 2026 »: a training day (YYYY-MM-DD, a Paris date) as it is, an instant (a due date,
 * an event) in Paris, where the workflow's days are counted.
 */
export function formatDay(value: string, lang: Lang): string {
  const day = value.length === 10
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: day ? 'UTC' : 'Europe/Paris',
  }).format(new Date(day ? `${value}T12:00:00Z` : value))
}
