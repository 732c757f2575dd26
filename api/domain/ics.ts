/** An iCalendar (RFC 5545) file for an advisor booking, in Paris time, to confirm or cancel it. */

export interface CalendarEvent {
  /** The booking id; the event's UID is derived from it so a cancellation replaces the same event. */
  uid: string
  /** 0 when confirmed, incremented on each later revision such as a cancellation (RFC 5546 §2.1.4). */
  sequence: number
  status: 'confirmed' | 'cancelled'
  /** ISO 8601 UTC instant. */
  start: string
  /** ISO 8601 UTC instant, after start. */
  end: string
  /** When this revision was written (DTSTAMP), ISO 8601 UTC instant. */
  stampedAt: string
  summary: string
  description: string
  organizer: { name: string; email: string }
  attendee: { name: string; email: string }
  url?: string
}

const CRLF = '\r\n'
const MAX_OCTETS = 75
const HOUR = 3_600_000

const PARIS_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

// Directive 2000/84/EC, arts. 2 and 3: summer time runs from 01:00 UTC on the last Sunday of March
// to 01:00 UTC on the last Sunday of October, i.e. Paris clocks go 02:00 → 03:00 and 03:00 → 02:00.
// The onsets are given in local time before each change, as RFC 5545 §3.6.5 requires.
const PARIS_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** The booking as a complete VCALENDAR: PUBLISH when confirmed, CANCEL when cancelled. */
export function bookingCalendar(event: CalendarEvent): string {
  const start = instant(event.start, 'start')
  const end = instant(event.end, 'end')
  if (end <= start) throw new RangeError(`end ${event.end} is not after start ${event.start}`)
  const cancelled = event.status === 'cancelled'
  // A local time the October change repeats is ambiguous: RFC 5545 §3.3.5 reads it as the first
  // occurrence, some readers (ical.js) as the second, so both are written in UTC, and DTEND with them.
  const inUtc = isRepeatedParisTime(start) || isRepeatedParisTime(end)
  const dateTime = (name: string, at: number) =>
    inUtc ? `${name}:${utcDateTime(at)}` : `${name};TZID=Europe/Paris:${parisDateTime(at)}`

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ganapati//Advisor bookings//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    ...PARIS_TIMEZONE,
    'BEGIN:VEVENT',
    `UID:${event.uid}@ganapati`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(instant(event.stampedAt, 'stampedAt'))}`,
    dateTime('DTSTART', start),
    dateTime('DTEND', end),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`,
    `ATTENDEE;CN=${paramValue(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${event.attendee.email}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map((line) => fold(withoutControls(line)) + CRLF).join('')
}

/** A file name for Content-Disposition: ASCII letters, digits and dashes only. */
export function calendarFileName(uid: string): string {
  const safe = uid.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')
  return `rendez-vous${safe ? `-${safe}` : ''}.ics`
}

/** TEXT escaping, RFC 5545 §3.3.11. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** A parameter value, RFC 5545 §3.2: always quoted, so `:;,` are safe; DQUOTE cannot appear inside. */
function paramValue(value: string): string {
  return `"${value.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`
}

/** Control characters other than HTAB are not allowed in content lines (RFC 5545 §3.1). */
function withoutControls(line: string): string {
  return line.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '')
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1). */
function fold(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

function instant(iso: string, field: string): number {
  const time = Date.parse(iso)
  if (Number.isNaN(time)) throw new RangeError(`${field} is not an ISO 8601 instant: ${iso}`)
  return time
}

/** YYYYMMDDTHHMMSSZ. */
function utcDateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/** Paris wall-clock time as YYYYMMDDTHHMMSS. */
function parisDateTime(at: number): string {
  const part = Object.fromEntries(
    PARIS_WALL_CLOCK.formatToParts(at).map(({ type, value }) => [type, value]),
  )
  return `${part.year}${part.month}${part.day}T${part.hour}${part.minute}${part.second}`
}

/** Whether the Paris clock shows this time twice (02:00–03:00 on the last Sunday of October). */
function isRepeatedParisTime(at: number): boolean {
  const local = parisDateTime(at)
  return parisDateTime(at - HOUR) === local || parisDateTime(at + HOUR) === local
}
