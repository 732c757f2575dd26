/**
 * The outbox: notifications waiting for delivery, leased one at a time, kept after delivery or
 * failure. Each subject's notifications on a channel go out in sequence: the next one waits while
 * an earlier one on that channel is pending (a `booking.cancelled` never overtakes its
 * `booking.confirmed`), and the webhook and e-mail channels never wait on each other.
 */
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { DeliveryFailureKind } from '../api/domain/delivery-failure'
import type { OutboxChannel } from '../api/domain/outbox-channels'
import type { Db } from './client'
import { outbox } from './schema'

export type OutboxRow = typeof outbox.$inferSelect
/** `withdrawn`: never to be sent (the reminder of a cancelled call, a row past its retention). */
export const OUTBOX_STATES = ['pending', 'delivered', 'failed', 'withdrawn'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

/** The subject of a booking's webhooks: the unit of their ordering. */
export const bookingSubject = (bookingId: string) => `booking:${bookingId}`

/** The subject of a booking's e-mails to one recipient: each recipient's e-mails are in order. */
export const bookingMailSubject = (bookingId: string, recipient: 'visitor' | 'advisor') =>
  `booking:${bookingId}:${recipient}`

const notLeasedAt = (now: string) => or(isNull(outbox.leasedUntil), lte(outbox.leasedUntil, now))

/** No earlier notification of the same subject and channel is still pending (the unique index serves it). */
const firstPendingOfSubject = sql`not exists (
  select 1 from ${outbox} as earlier
  where earlier.subject = ${outbox.subject} and earlier.channel = ${outbox.channel}
    and earlier.state = 'pending' and earlier.sequence < ${outbox.sequence})`

/** What a worker of `channel` may send at `now`: pending, not leased, first pending of its subject. */
const sendableAt = (channel: OutboxChannel, now: string) =>
  and(
    eq(outbox.channel, channel),
    eq(outbox.state, 'pending'),
    notLeasedAt(now),
    firstPendingOfSubject,
  )

/**
 * Pending notifications of a channel due at `now` and not leased, oldest first, each the earliest
 * pending one of its subject — so no two of one subject are ever sent together.
 */
export async function dueNotifications(
  db: Db,
  channel: OutboxChannel,
  now: string,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(sendableAt(channel, now), lte(outbox.nextAttemptAt, now)))
    .orderBy(outbox.createdAt, outbox.subject, outbox.sequence)
    .limit(limit)
}

/** Where a pass over the waiting retries stands: past this retry instant and id. */
export interface RetryCursor {
  nextAttemptAt: string
  id: string
}

/**
 * Notifications waiting for a later retry after the receiver was unavailable, first of their
 * subject and not leased, in retry order after `after`: what to send early once the receiver is
 * back (and the one to probe it with).
 */
export async function waitingRetries(
  db: Db,
  channel: OutboxChannel,
  now: string,
  after: RetryCursor | null,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        sendableAt(channel, now),
        eq(outbox.lastFailure, 'unavailable'),
        gt(outbox.nextAttemptAt, now),
        after
          ? or(
              gt(outbox.nextAttemptAt, after.nextAttemptAt),
              and(eq(outbox.nextAttemptAt, after.nextAttemptAt), gt(outbox.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(limit)
}

/**
 * Leases a due notification until `leaseUntil`, so a second worker (another isolate, the cron)
 * skips it; false when another one got it first.
 */
export async function leaseNotification(
  db: Db,
  id: string,
  now: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .update(outbox)
    .set({ leasedUntil: leaseUntil })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'pending'), notLeasedAt(now)))
  return result.rowsAffected === 1
}

// The updates after a try leave a row that was withdrawn meanwhile (a reminder whose call was
// cancelled while it was on its way) as it is: it is never tried again.

/**
 * An early try (outside the schedule) failed: the notification keeps its attempts and its next
 * scheduled try; only why it failed is recorded, so a refused one is not sent early again.
 */
export async function markEarlyTryFailed(
  db: Db,
  id: string,
  error: string,
  failure: DeliveryFailureKind,
): Promise<void> {
  await db
    .update(outbox)
    .set({ leasedUntil: null, lastError: error, lastFailure: failure })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'pending')))
}

/** Delivered: the sealed manage token it carried is forgotten, its work is done. */
export async function markDelivered(db: Db, id: string, attempts: number, at: string) {
  await db
    .update(outbox)
    .set({
      state: 'delivered',
      attempts,
      deliveredAt: at,
      lastError: null,
      lastFailure: null,
      leasedUntil: null,
      sealedToken: null,
    })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'pending')))
}

/** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
export async function markAttemptFailed(
  db: Db,
  id: string,
  attempt: {
    attempts: number
    error: string
    failure: DeliveryFailureKind
    retryAt: string | null
  },
) {
  await db
    .update(outbox)
    .set({
      attempts: attempt.attempts,
      lastError: attempt.error,
      lastFailure: attempt.failure,
      leasedUntil: null,
      ...(attempt.retryAt ? { nextAttemptAt: attempt.retryAt } : { state: 'failed' }),
    })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'pending')))
}

export async function listNotifications(
  db: Db,
  state: OutboxState,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.state, state))
    .orderBy(desc(outbox.createdAt))
    .limit(limit)
}

/** Puts a failed notification back in the queue, due now; false when it was not failed. */
export async function retryNotification(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .update(outbox)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: at, leasedUntil: null, lastFailure: null })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'failed')))
  return result.rowsAffected === 1
}
