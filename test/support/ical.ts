/** Reads a calendar file with ical.js, a real RFC 5545 parser, resolving TZID against the file's own VTIMEZONE. */
import ICAL from 'ical.js'

export function parseCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const timezone = calendar.getFirstSubcomponent('vtimezone')
  if (timezone) ICAL.TimezoneService.register(timezone)
  const vevent = calendar.getFirstSubcomponent('vevent')
  if (!vevent) throw new Error('no VEVENT')
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}
