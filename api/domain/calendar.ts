/** Dates and wall-clock times in a time zone (France's by default), from and to UTC instants. Pure: Intl only. */

const PARIS = 'Europe/Paris'
const DAY_MS = 86_400_000

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in Paris at an instant (milliseconds since the epoch), as YYYY-MM-DD. */
export function parisDate(instant: number): string {
  return PARIS_DATE.format(instant)
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>()

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    wallClockFormats.set(timeZone, format)
  }
  return format
}

/** The wall-clock time of an instant in a zone, read as if it were UTC (minute precision). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const part of wallClockFormat(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  )
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds (+1 h in Paris in winter). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const minute = Math.floor(instant / 60_000) * 60_000
  return wallClockAsUtc(minute, timeZone) - minute
}

/**
 * The instant a wall clock in the zone shows `date` `time` (24:00 is the next day's 00:00). A time
 * skipped when clocks go forward is read with the offset before the change, as RFC 5545 § 3.3.5 does
 * (02:30 on 2026-03-29 in Paris is 03:30 CEST); a time shown twice when clocks go back is its
 * first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string = PARIS): number {
  const key = `${timeZone} ${date} ${time}`
  let instant = zonedInstants.get(key)
  if (instant === undefined) {
    instant = computeZonedInstant(date, time, timeZone)
    // Slot lists ask for the same few days and hours again and again; the bound keeps memory flat.
    if (zonedInstants.size >= MAX_REMEMBERED_INSTANTS) zonedInstants.clear()
    zonedInstants.set(key, instant)
  }
  return instant
}

/** Formatting a date in a zone costs microseconds; a slot list needs hundreds of them. */
const zonedInstants = new Map<string, number>()
const MAX_REMEMBERED_INSTANTS = 10_000

function computeZonedInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  const wallClock = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0)
  // At most one change of offset happens within a day on either side, in any zone in use.
  const before = zoneOffsetMs(wallClock - DAY_MS, timeZone)
  const after = zoneOffsetMs(wallClock + DAY_MS, timeZone)
  const candidates = [wallClock - before, wallClock - after].filter(
    (instant) => wallClockAsUtc(instant, timeZone) === wallClock,
  )
  return candidates.length > 0 ? Math.min(...candidates) : wallClock - before
}

/** The instants from the start of `from` to the end of `to`, Paris dates both included. */
export function parisDays(from: string, to: string): { start: number; end: number } {
  return { start: zonedInstant(from, '00:00'), end: zonedInstant(addDays(to, 1), '00:00') }
}

/** `date` moved by whole calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const
export type WeekdayName = (typeof WEEKDAYS)[number]

/** The day of the week of a calendar date. */
export function weekdayOf(date: string): WeekdayName {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'sunday'
}

const isoStrings = new Map<number, string>()

/** An instant as ISO 8601 UTC (`…Z`); slot lists write the same few hundred instants on every request. */
export function isoInstant(instant: number): string {
  let iso = isoStrings.get(instant)
  if (iso === undefined) {
    iso = new Date(instant).toISOString()
    if (isoStrings.size >= MAX_REMEMBERED_INSTANTS) isoStrings.clear()
    isoStrings.set(instant, iso)
  }
  return iso
}

const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' })

/** « 2 décembre 2026 »: a Paris date (YYYY-MM-DD) as sentences and e-mails write it. */
export function frenchDay(date: string): string {
  return FRENCH_DAY.format(new Date(`${date}T12:00:00Z`))
}
