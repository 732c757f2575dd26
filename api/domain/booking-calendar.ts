/** The .ics of a booked call — downloaded from its link, attached to its e-mails — from the booking's facts. Pure. */
import type { BookingContext } from '../contracts/bookings'
import { callDescription, callSummary } from './booking-text'
import { bookingCalendar } from './ics'
import type { Lang } from './reason-text'

export interface CalendarBooking {
  id: string
  status: string
  startAt: string
  endAt: string
  createdAt: string
  cancelledAt: string | null
  name: string
  email: string
  phone: string | null
  company: string | null
  message: string | null
  context: BookingContext | null
  lang: string
}

/** Confirmed: PUBLISH, sequence 0; cancelled: CANCEL, sequence 1, so a calendar replaces the event. */
export function bookedCallCalendar(
  booking: CalendarBooking,
  advisor: { name: string; email: string },
  opcoName: string | null,
): string {
  const lang: Lang = booking.lang === 'en' ? 'en' : 'fr'
  const cancelled = booking.status === 'cancelled'
  return bookingCalendar({
    uid: booking.id,
    sequence: cancelled ? 1 : 0,
    status: cancelled ? 'cancelled' : 'confirmed',
    start: booking.startAt,
    end: booking.endAt,
    stampedAt: booking.cancelledAt ?? booking.createdAt,
    summary: callSummary({ advisorName: advisor.name, lang }),
    description: callDescription({ ...booking, advisorName: advisor.name, opcoName, lang }),
    organizer: { name: advisor.name, email: advisor.email },
    attendee: { name: booking.name, email: booking.email },
  })
}
