/** Dates and amounts of a dossier as the tracker shows them. Pure. */
import type { Lang } from '../i18n/translation'

/**
 * « 3 décembre 2026 »: a training day (YYYY-MM-DD, a Paris date) as it is, an instant (a due date,
 * an event) in Paris, where the workflow's days are counted.
 */
export function formatDay(value: string, lang: Lang): string {
  const day = value.length === 10
  // A due date is the end of its day, midnight, which Paris reads as the next day: a millisecond
  // earlier is still the due day (an event at midnight sharp is the only other instant moved).
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: day ? 'UTC' : 'Europe/Paris',
  }).format(new Date(day ? `${value}T12:00:00Z` : Date.parse(value) - 1))
}
