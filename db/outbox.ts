/**
 * The outbox: notifications waiting for delivery, leased one at a time, kept after delivery or
 * failure. Each subject's notifications go out in sequence: the next one waits while an earlier
 * one is pending (a `booking.cancelled` never overtakes its `booking.confirmed`).
 */
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { DeliveryFailureKind } from '../api/domain/delivery-failure'
import type { Db } from './client'
import { outbox } from './schema'

export type OutboxRow = typeof outbox.$inferSelect
export type OutboxState = 'pending' | 'delivered' | 'failed'

/** The subject of a booking's notifications: the unit of their ordering. */
export const bookingSubject = (bookingId: string) => `booking:${bookingId}`

const notLeasedAt = (now: string) => or(isNull(outbox.leasedUntil), lte(outbox.leasedUntil, now))

/** No earlier notification of the same subject is still pending (the unique index serves it). */
const firstPendingOfSubject = sql`not exists (
  select 1 from ${outbox} as earlier
  where earlier.subject = ${outbox.subject} and earlier.state = 'pending'
    and earlier.sequence < ${outbox.sequence})`

/** What a worker may send at `now`: pending, not leased, first pending of its subject. */
const sendableAt = (now: string) =>
  and(eq(outbox.state, 'pending'), notLeasedAt(now), firstPendingOfSubject)

/**
 * Pending notifications due at `now` and not leased, oldest first, each the earliest pending one
 * of its subject — so no two of one subject are ever sent together.
 */
export async function dueNotifications(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(sendableAt(now), lte(outbox.nextAttemptAt, now)))
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
  now: string,
  after: RetryCursor | null,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        sendableAt(now),
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
    .where(eq(outbox.id, id))
}

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
    })
    .where(eq(outbox.id, id))
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
    .where(eq(outbox.id, id))
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
