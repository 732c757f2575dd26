/** Slots in the visitor's time zone: grouping by local day, dates and times with Intl, Paris time alongside. */
import type { Slot } from '../../api/contracts/advisors'
import type { Lang } from '../i18n/translation'

/** The advisors' time zone: their hours and the API's dates are Paris ones. */
export const PARIS = 'Europe/Paris'

/** A `time-zone` attribute, as written, when the browser knows it; else the visitor's own zone. */
export function timeZoneOf(attribute: string | null | undefined): string {
  try {
    // Intl throws on an unknown zone; its canonical name would rename America/Montreal to Toronto.
    if (attribute && new Intl.DateTimeFormat('en', { timeZone: attribute })) return attribute
  } catch {
    // An unknown zone: the visitor's own, rather than a wrong clock.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * A time zone in words, « heure normale d’Europe centrale », "Eastern Time", followed by its id
 * (Europe/Paris), which says the city; the id alone where the browser has no words for it.
 */
export function zoneName(timeZone: string, lang: Lang): string {
  const words = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts()
    .find((part) => part.type === 'timeZoneName')?.value
  return words && !words.includes('/') ? `${words} (${timeZone.replace(/_/g, ' ')})` : timeZone
}

/** YYYY-MM-DD of an instant in a time zone (`en-CA` writes dates the ISO way). */
export function dateIn(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))
}

/** A YYYY-MM-DD date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Slots grouped by their day in `timeZone`, days in order (the API sends slots in start order). */
export function slotsByDay(slots: Slot[], timeZone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>()
  for (const slot of slots) {
    const day = dateIn(slot.start, timeZone)
    days.set(day, [...(days.get(day) ?? []), slot])
  }
  return days
}

/** A YYYY-MM-DD day written out: « lundi 24 novembre », "Monday, November 24". */
export function formatDay(
  date: string,
  lang: Lang,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
): string {
  // Noon UTC of that date, formatted in UTC: the same calendar day whatever the visitor's zone.
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  )
}

/** « 09:00 », "9:00 AM": an instant's time of day in a zone. */
export function formatTime(instant: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, timeStyle: 'short' }).format(new Date(instant))
}

/** Paris time of a slot when it reads differently from the visitor's; null when both agree. */
export function parisTime(instant: string, lang: Lang, timeZone: string): string | null {
  const paris = formatTime(instant, lang, PARIS)
  return paris === formatTime(instant, lang, timeZone) ? null : paris
}

/** « lundi 24 novembre 2026, 09:00 – 09:30 »: a call from start to end, in a zone. */
export function formatCall(slot: Slot, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).formatRange(new Date(slot.start), new Date(slot.end))
}
