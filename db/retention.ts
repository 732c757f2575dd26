/**
 * Personal data past their retention period: the visitor's details on a booking, and what the
 * outbox holds about it (webhook and e-mail payloads, sealed tokens, error texts naming an address).
 * The slot stays, anonymous, so the advisor's history and the free-slot computation hold.
 */
import { and, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from './client'
import { bookingMailSubject, bookingSubject } from './outbox'
import { bookings, outbox } from './schema'

/**
 * Erases up to `limit` bookings whose call ended before `endedBefore`, oldest first; answers how
 * many. A notification still pending or given up about one of them is withdrawn: retention wins
 * over delivery.
 */
export async function eraseEndedBookings(
  db: Db,
  endedBefore: string,
  at: string,
  limit: number,
): Promise<number> {
  const ids = (
    await db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(isNull(bookings.erasedAt), lt(bookings.endAt, endedBefore)))
      .orderBy(bookings.endAt)
      .limit(limit)
  ).map((row) => row.id)
  if (ids.length === 0) return 0
  const subjects = ids.flatMap((id) => [
    bookingSubject(id),
    bookingMailSubject(id, 'visitor'),
    bookingMailSubject(id, 'advisor'),
  ])
  await db.batch([
    db
      .update(outbox)
      .set({
        payload: sql`json_object('type', ${outbox.topic}, 'erased', json('true'))`,
        sealedToken: null,
        lastError: null,
        leasedUntil: null,
        // Nothing erased is sent any more, not even by an admin retrying one given up.
        state: sql`case when ${outbox.state} in ('pending', 'failed') then 'withdrawn' else ${outbox.state} end`,
      })
      .where(inArray(outbox.subject, subjects)),
    db
      .update(bookings)
      .set({
        name: '',
        email: '',
        phone: null,
        company: null,
        message: null,
        context: null,
        timeZone: null,
        pageUrl: null,
        erasedAt: at,
      })
      .where(inArray(bookings.id, ids)),
  ])
  return ids.length
}
