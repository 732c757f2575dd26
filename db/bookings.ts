/**
 * Booked calls. A booking and the notification announcing it are written in one transaction, and
 * the insert itself refuses a clash: one statement checks and writes, so no request can slip in
 * between, and a unique index backs it for calls starting at the same instant.
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm'
import type { Db } from './client'
import { preparedOnce } from './prepared'
import { bookingSubject } from './outbox'
import { bookings, outbox } from './schema'

export type Booking = typeof bookings.$inferSelect
export type NewBooking = Omit<Booking, 'status' | 'cancelledAt'>

/** A row of the outbox to write with the change it announces. */
export interface Notification {
  id: string
  topic: 'booking.confirmed' | 'booking.cancelled'
  payload: string
  at: string
}

/**
 * Writes the notification only if the statement just before it changed a row, next in its
 * booking's sequence: inside the batch's transaction, so no other change of the booking interleaves.
 */
function notificationIfChanged(db: Db, bookingId: string, notification: Notification) {
  const subject = bookingSubject(bookingId)
  return db.run(sql`
    insert into ${outbox} (id, topic, subject, sequence, occurred_at, payload, state, attempts, next_attempt_at, created_at)
    select ${notification.id}, ${notification.topic}, ${subject},
      (select coalesce(max(sequence), 0) + 1 from ${outbox} where subject = ${subject}),
      ${notification.at}, ${notification.payload}, 'pending', 0, ${notification.at}, ${notification.at}
    where changes() = 1`)
}

function isSlotUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : ''
  return /UNIQUE constraint failed: bookings\.advisor_id/.test(text)
}

/**
 * Books the call unless a confirmed one of the advisor overlaps `[clashFrom, clashTo)` (the call
 * widened by the advisor's buffer). False when the slot was taken.
 */
export async function insertBooking(
  db: Db,
  booking: NewBooking,
  clash: { from: string; to: string },
  notification: Notification,
): Promise<boolean> {
  const b = booking
  try {
    const [inserted] = await db.batch([
      db.run(sql`
        insert into ${bookings} (id, advisor_id, start_at, end_at, status, name, email, phone, company, message, context, lang, manage_token_hash, created_at)
        select ${b.id}, ${b.advisorId}, ${b.startAt}, ${b.endAt}, 'confirmed', ${b.name}, ${b.email}, ${b.phone}, ${b.company}, ${b.message}, ${b.context === null ? null : JSON.stringify(b.context)}, ${b.lang}, ${b.manageTokenHash}, ${b.createdAt}
        where not exists (
          select 1 from ${bookings}
          where advisor_id = ${b.advisorId} and status = 'confirmed'
            and start_at < ${clash.to} and end_at > ${clash.from}
        )`),
      notificationIfChanged(db, b.id, notification),
    ])
    return inserted.rowsAffected === 1
  } catch (error) {
    if (isSlotUniqueViolation(error)) return false
    throw error
  }
}

export async function findBooking(db: Db, id: string): Promise<Booking | null> {
  return (await db.select().from(bookings).where(eq(bookings.id, id)).limit(1))[0] ?? null
}

/** Cancels a confirmed booking and queues its notification; false when it was not confirmed. */
export async function cancelBooking(
  db: Db,
  id: string,
  at: string,
  notification: Notification,
): Promise<boolean> {
  const [updated] = await db.batch([
    db.run(sql`
      update ${bookings} set status = 'cancelled', cancelled_at = ${at}
      where id = ${id} and status = 'confirmed'`),
    notificationIfChanged(db, id, notification),
  ])
  return updated.rowsAffected === 1
}

const confirmedBookingsQuery = preparedOnce((db) =>
  db
    .select({ startAt: bookings.startAt, endAt: bookings.endAt })
    .from(bookings)
    .where(
      and(
        eq(bookings.advisorId, sql.placeholder('advisorId')),
        eq(bookings.status, 'confirmed'),
        lt(bookings.startAt, sql.placeholder('to')),
        gt(bookings.endAt, sql.placeholder('from')),
      ),
    )
    .orderBy(asc(bookings.startAt))
    .prepare(),
)

/** Confirmed calls of an advisor overlapping `[from, to)` (UTC ISO instants). */
export async function confirmedBookings(
  db: Db,
  advisorId: string,
  from: string,
  to: string,
): Promise<{ startAt: string; endAt: string }[]> {
  return confirmedBookingsQuery(db).all({ advisorId, from, to })
}

/** Every booking of an advisor starting in `[from, to)`, cancelled ones included. */
export async function advisorBookings(
  db: Db,
  advisorId: string,
  from: string,
  to: string,
): Promise<Booking[]> {
  return db
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.advisorId, advisorId),
        sql`${bookings.startAt} >= ${from}`,
        lt(bookings.startAt, to),
      ),
    )
    .orderBy(asc(bookings.startAt))
}
