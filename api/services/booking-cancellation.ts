/**
 * A booking cancelled by the holder of its manage token — from the API or from the cancellation
 * page an e-mail links to — with its notifications queued in the same transaction.
 */
import type { Advisor } from '../../db/advisors'
import { cancelBooking, findBooking, type Booking } from '../../db/bookings'
import type { Db } from '../../db/client'
import { bookingCancelledRows, type MailQueueSettings } from './booking-notifications'
import { tokenMatches } from './secrets'

export type Cancellation =
  /** This request cancelled it. */
  | { outcome: 'cancelled'; booking: Booking }
  /** It was cancelled already, by an earlier or a concurrent request: cancelling twice is no error. */
  | { outcome: 'already'; booking: Booking }
  /** The call has started: too late to cancel. */
  | { outcome: 'started'; booking: Booking }

/** The booking, if the token is its manage token (compared in constant time); null otherwise. */
export async function holderBooking(db: Db, id: string, token: string): Promise<Booking | null> {
  const booking = await findBooking(db, id)
  return booking && (await tokenMatches(token, booking.manageTokenHash)) ? booking : null
}

export async function cancelForHolder(
  db: Db,
  booking: Booking,
  options: {
    now: number
    advisor: Advisor
    opcoName: string | null
    publicUrl: string
    mail: MailQueueSettings | null
  },
): Promise<Cancellation> {
  if (booking.status === 'cancelled') return { outcome: 'already', booking }
  if (Date.parse(booking.startAt) <= options.now) return { outcome: 'started', booking }
  const at = new Date(options.now).toISOString()
  const cancelled: Booking = { ...booking, status: 'cancelled', cancelledAt: at }
  const rows = bookingCancelledRows(
    {
      booking: cancelled,
      advisor: options.advisor,
      opcoName: options.opcoName,
      publicUrl: options.publicUrl,
      at,
    },
    options.mail,
  )
  if (await cancelBooking(db, booking.id, at, rows))
    return { outcome: 'cancelled', booking: cancelled }
  // A concurrent cancellation won the race: answer what it stored.
  return { outcome: 'already', booking: (await findBooking(db, booking.id)) ?? cancelled }
}
