import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingCalendar, calendarFileName, type CalendarEvent } from '../../api/domain/ics'
import { parseCalendar } from '../support/ical'

const booking = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'bk_01HZX3',
  sequence: 0,
  status: 'confirmed',
  start: '2026-03-30T07:00:00.000Z',
  end: '2026-03-30T07:30:00.000Z',
  stampedAt: '2026-03-20T15:04:05.000Z',
  summary: 'Rendez-vous avec un conseiller Ganapati',
  description: 'Financement OPCO de votre formation.',
  organizer: { name: 'Ganapati, conseil', email: 'conseil@ganapati.example' },
  attendee: { name: 'Élodie Durand', email: 'elodie@entreprise.example' },
  url: 'https://ganapati.example/rendez-vous/bk_01HZX3',
  ...overrides,
})

/** The logical lines: CRLF followed by a space is a fold (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')

const octets = (text: string) => new TextEncoder().encode(text).length

afterEach(() => {
  ICAL.TimezoneService.reset()
})

describe('bookingCalendar', () => {
  it.each([
    // Offsets from Directive 2000/84/EC: CET (+01:00) until 2026-03-29 01:00 UTC, CEST (+02:00) until 2026-10-25 01:00 UTC.
    [
      'winter',
      '2026-01-15T09:00:00.000Z',
      '2026-01-15T09:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260115T100000',
    ],
    [
      'summer',
      '2026-07-08T12:30:00.000Z',
      '2026-07-08T13:00:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260708T143000',
    ],
    [
      'Friday before the March change',
      '2026-03-27T08:00:00.000Z',
      '2026-03-27T08:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260327T090000',
    ],
    [
      'Monday after the March change',
      '2026-03-30T07:00:00.000Z',
      '2026-03-30T07:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260330T090000',
    ],
    [
      'the hour before 02:00 → 03:00',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T00:50:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260329T013000',
    ],
    [
      'the hour after 02:00 → 03:00',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T01:50:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260329T033000',
    ],
    [
      'across 02:00 → 03:00 (01:30 to 03:30, one hour)',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20260329T013000',
    ],
    [
      'Friday before the October change',
      '2026-10-23T07:00:00.000Z',
      '2026-10-23T07:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20261023T090000',
    ],
    [
      'Monday after the October change',
      '2026-10-26T08:00:00.000Z',
      '2026-10-26T08:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20261026T090000',
    ],
    // 02:00–03:00 occurs twice that night: RFC 5545 §3.3.5 says the first, ical.js reads the second, so UTC.
    [
      'the first 02:30 (CEST)',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:50:00.000Z',
      'DTSTART:20261025T003000Z',
    ],
    [
      'the second 02:30 (CET)',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T01:50:00.000Z',
      'DTSTART:20261025T013000Z',
    ],
    [
      'across 03:00 → 02:00 (01:30 CEST to 03:30 CET, three hours)',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T02:30:00.000Z',
      'DTSTART;TZID=Europe/Paris:20261025T013000',
    ],
  ])('%s: %s → %s reads back as the same instants', (_label, start, end, dtstart) => {
    const ics = bookingCalendar(booking({ start, end }))
    expect(unfold(ics)).toContain(dtstart)
    const { event } = parseCalendar(ics)
    const zone = dtstart.includes('TZID') ? 'Europe/Paris' : 'UTC'
    expect(event.startDate.zone?.tzid).toBe(zone)
    expect(event.endDate.zone?.tzid).toBe(zone)
    expect(event.startDate.toJSDate().toISOString()).toBe(start)
    expect(event.endDate.toJSDate().toISOString()).toBe(end)
  })

  it.each([2026, 2027, 2028, 2029, 2030])(
    'reads back every half hour of the twelve hours around each %i change',
    (year) => {
      const HOUR = 3_600_000
      for (const month of [2, 9]) {
        // Directive 2000/84/EC: the changes fall on the last Sunday of March and of October.
        const lastDay = new Date(Date.UTC(year, month + 1, 0))
        const lastSunday = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay())
        for (let at = lastSunday - 6 * HOUR; at <= lastSunday + 6 * HOUR; at += HOUR / 2) {
          const start = new Date(at).toISOString()
          const end = new Date(at + HOUR / 2).toISOString()
          const { event } = parseCalendar(bookingCalendar(booking({ start, end })))
          expect(event.startDate.toJSDate().toISOString()).toBe(start)
          expect(event.endDate.toJSDate().toISOString()).toBe(end)
        }
      }
    },
  )

  it('writes a published, confirmed event with its time zone, organizer and attendee', () => {
    const ics = bookingCalendar(booking())
    const { calendar, vevent, event } = parseCalendar(ics)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy()
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Paris',
    )
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(vevent.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-20T15:04:05Z')
    expect(event.uid).toBe('bk_01HZX3@ganapati')
    expect(event.sequence).toBe(0)
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(vevent.getFirstPropertyValue('url')).toBe(
      'https://ganapati.example/rendez-vous/bk_01HZX3',
    )

    const organizer = vevent.getFirstProperty('organizer')
    expect(organizer?.getFirstValue()).toBe('mailto:conseil@ganapati.example')
    expect(organizer?.getParameter('cn')).toBe('Ganapati, conseil')
    const [attendee] = event.attendees
    expect(attendee?.getFirstValue()).toBe('mailto:elodie@entreprise.example')
    expect(attendee?.getParameter('cn')).toBe('Élodie Durand')
    expect(attendee?.getParameter('role')).toBe('REQ-PARTICIPANT')
    expect(attendee?.getParameter('partstat')).toBe('ACCEPTED')
    expect(attendee?.getParameter('rsvp')).toBe('FALSE')
  })

  it('writes a cancellation as METHOD:CANCEL with the same UID and a higher SEQUENCE', () => {
    const { calendar, vevent, event } = parseCalendar(
      bookingCalendar(booking({ status: 'cancelled', sequence: 1 })),
    )
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.sequence).toBe(1)
    expect(event.uid).toBe('bk_01HZX3@ganapati')
  })

  it('quotes CN values and replaces the DQUOTE they cannot contain (RFC 5545 §3.2)', () => {
    const ics = bookingCalendar(
      booking({ attendee: { name: 'Jean "JD" Dupont; RH: paie', email: 'jd@entreprise.example' } }),
    )
    expect(unfold(ics)).toContain(
      `ATTENDEE;CN="Jean 'JD' Dupont; RH: paie";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:jd@entreprise.example`,
    )
    expect(unfold(ics)).toContain(
      'ORGANIZER;CN="Ganapati, conseil":mailto:conseil@ganapati.example',
    )
    const [attendee] = parseCalendar(ics).event.attendees
    expect(attendee?.getParameter('cn')).toBe("Jean 'JD' Dupont; RH: paie")
    expect(attendee?.getFirstValue()).toBe('mailto:jd@entreprise.example')
  })

  it('escapes TEXT so that ; , \\ newlines and accents read back unchanged (RFC 5545 §3.3.11)', () => {
    const description =
      'Entreprise : Dupont; Fils & Cie, Lyon\nChemin C:\\formations\\été\n\nÀ préparer : devis, programme'
    const ics = bookingCalendar(booking({ description, summary: 'Appel; rappel, suivi\\' }))
    expect(unfold(ics)).toContain(
      'DESCRIPTION:Entreprise : Dupont\\; Fils & Cie\\, Lyon\\nChemin C:\\\\formations\\\\été\\n\\nÀ préparer : devis\\, programme',
    )
    const { event } = parseCalendar(ics)
    expect(event.description).toBe(description)
    expect(event.summary).toBe('Appel; rappel, suivi\\')
  })

  it('writes CRLF and CR newlines in TEXT as \\n', () => {
    const ics = bookingCalendar(booking({ description: 'un\r\ndeux\rtrois' }))
    expect(unfold(ics)).toContain('DESCRIPTION:un\\ndeux\\ntrois')
  })

  it('ends every physical line, the last included, with CRLF and keeps it within 75 octets', () => {
    const ics = bookingCalendar(
      booking({
        summary: 'Rendez-vous '.repeat(12),
        description: 'Une description longue, avec des virgules; et des retours\n'.repeat(5),
      }),
    )
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    const lines = ics.split('\r\n')
    expect(lines.pop()).toBe('')
    expect(lines.length).toBeGreaterThan(30)
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/)
      expect(octets(line), line).toBeLessThanOrEqual(75)
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5)
  })

  it('folds a long accented summary between characters, filling each line', () => {
    const summary =
      'Réunion « financement » — éèêàçœ 📅 Île-de-France, Besançon, Orléans ; '.repeat(4)
    const ics = bookingCalendar(booking({ summary }))
    const bytes = new TextEncoder().encode(ics)
    const physical: Uint8Array[] = []
    let from = 0
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        physical.push(bytes.subarray(from, i))
        from = i + 2
      }
    }
    const strict = new TextDecoder('utf-8', { fatal: true })
    const decoded = physical.map((line) => strict.decode(line))
    const start = decoded.findIndex((line) => line.startsWith('SUMMARY:'))
    let end = start + 1
    while (decoded[end]?.startsWith(' ')) end++
    const folded = physical.slice(start, end)
    expect(folded.length).toBeGreaterThan(4)
    // A line is only broken early when the next character (at most 4 octets) would not fit.
    for (const line of folded.slice(0, -1)) expect(line.length).toBeGreaterThan(71)
    for (const line of folded) expect(line.length).toBeLessThanOrEqual(75)
    expect(parseCalendar(ics).event.summary).toBe(summary)
  })

  it('writes the URL only when there is one', () => {
    expect(bookingCalendar(booking({ url: undefined }))).not.toContain('URL:')
  })

  it.each([
    ['end before start', { start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T07:00:00.000Z' }],
    ['end equal to start', { start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T08:00:00.000Z' }],
    ['a start that is not a date', { start: 'lundi' }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => bookingCalendar(booking(overrides))).toThrow(RangeError)
  })
})

describe('calendarFileName', () => {
  it.each([
    ['bk_01HZX3', 'rendez-vous-bk-01HZX3.ics'],
    [
      '7f3c2a1e-9b4d-4c1a-8e2f-123456789abc',
      'rendez-vous-7f3c2a1e-9b4d-4c1a-8e2f-123456789abc.ics',
    ],
    ['../é"\r\n', 'rendez-vous.ics'],
  ])('%j → %s', (uid, expected) => {
    expect(calendarFileName(uid)).toBe(expected)
  })
})
