/**
 * Booked calls. A booking and the notifications announcing it (webhook, e-mails) are written in one
 * transaction, and the insert itself refuses a clash: one statement checks and writes, so no
 * request can slip in between, and a unique index backs it for calls starting at the same instant.
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm'
import type { OutboxChannel } from '../api/domain/outbox-channels'
import type { Db } from './client'
import { preparedOnce } from './prepared'
import { bookingMailSubject } from './outbox'
import { bookings, outbox } from './schema'

export type Booking = typeof bookings.$inferSelect
export type NewBooking = Omit<Booking, 'status' | 'cancelledAt' | 'erasedAt'>

export type NotificationTopic = 'booking.confirmed' | 'booking.reminder' | 'booking.cancelled'

/** A row of the outbox to write with the change it announces. */
export interface Notification {
  id: string
  channel: OutboxChannel
  topic: NotificationTopic
  subject: string
  payload: string
  /** The manage token its e-mail's links carry, sealed; null for anything else. */
  sealedToken: string | null
  /** When the change happened. */
  at: string
  /** When it is to be sent: `at`, or later for a reminder. */
  dueAt: string
}

/**
 * Writes the notification only if the statement just before it changed a row (the booking, or the
 * notification before this one), next in its subject's sequence on its channel: inside the batch's
 * transaction, so no other change of the booking interleaves.
 */
export function notificationIfChanged(
  db: Db,
  notification: Omit<Notification, 'topic'> & { topic: string },
) {
  const n = notification
  return db.run(sql`
    insert into ${outbox} (id, channel, topic, subject, sequence, occurred_at, payload, sealed_token, state, attempts, next_attempt_at, created_at)
    select ${n.id}, ${n.channel}, ${n.topic}, ${n.subject},
      (select coalesce(max(sequence), 0) + 1 from ${outbox} where subject = ${n.subject} and channel = ${n.channel}),
      ${n.at}, ${n.payload}, ${n.sealedToken}, 'pending', 0, ${n.dueAt}, ${n.at}
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
  notifications: readonly Notification[],
): Promise<boolean> {
  const b = booking
  try {
    const [inserted] = await db.batch([
      db.run(sql`
        insert into ${bookings} (id, advisor_id, start_at, end_at, status, name, email, phone, company, message, context, lang, time_zone, call_mode, page_url, manage_token_hash, created_at)
        select ${b.id}, ${b.advisorId}, ${b.startAt}, ${b.endAt}, 'confirmed', ${b.name}, ${b.email}, ${b.phone}, ${b.company}, ${b.message}, ${b.context === null ? null : JSON.stringify(b.context)}, ${b.lang}, ${b.timeZone}, ${b.callMode}, ${b.pageUrl}, ${b.manageTokenHash}, ${b.createdAt}
        where not exists (
          select 1 from ${bookings}
          where advisor_id = ${b.advisorId} and status = 'confirmed'
            and start_at < ${clash.to} and end_at > ${clash.from}
        )`),
      ...notifications.map((notification) => notificationIfChanged(db, notification)),
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

/**
 * Cancels a confirmed booking, queues its notifications and withdraws the visitor's reminder if it
 * is still waiting; false when it was not confirmed. A reminder already on its way (leased) is
 * withdrawn too: should that try fail, it is not tried again.
 */
export async function cancelBooking(
  db: Db,
  id: string,
  at: string,
  notifications: readonly Notification[],
): Promise<boolean> {
  const [updated] = await db.batch([
    db.run(sql`
      update ${bookings} set status = 'cancelled', cancelled_at = ${at}
      where id = ${id} and status = 'confirmed'`),
    ...notifications.map((notification) => notificationIfChanged(db, notification)),
    db.run(sql`
      update ${outbox} set state = 'withdrawn', sealed_token = null
      where subject = ${bookingMailSubject(id, 'visitor')} and channel = 'email'
        and topic = 'booking.reminder' and state = 'pending'
        and exists (select 1 from ${bookings} where id = ${id} and status = 'cancelled')`),
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
