/**
 * The outbox: notifications waiting for delivery, leased one at a time, kept after delivery or
 * failure. Each subject's notifications go out in sequence: the next one waits while an earlier
 * one is pending (a `booking.cancelled` never overtakes its `booking.confirmed`).
 */
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
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

/**
 * Pending notifications due at `now` and not leased, oldest first, each the earliest pending one
 * of its subject — so no two of one subject are ever sent together.
 */
export async function dueNotifications(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'pending'),
        lte(outbox.nextAttemptAt, now),
        notLeasedAt(now),
        firstPendingOfSubject,
      ),
    )
    .orderBy(outbox.createdAt, outbox.subject, outbox.sequence)
    .limit(limit)
}

/**
 * The pending notification whose retry comes first, among those waiting after a failure and
 * first of their subject: what to send when probing whether the receiver is back.
 */
export async function nextProbe(db: Db, now: string): Promise<OutboxRow | null> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.state, 'pending'),
        gt(outbox.attempts, 0),
        gt(outbox.nextAttemptAt, now),
        notLeasedAt(now),
        firstPendingOfSubject,
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(1)
  return row ?? null
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

/** Gives a notification back untouched (a probe the receiver refused). */
export async function releaseLease(db: Db, id: string): Promise<void> {
  await db.update(outbox).set({ leasedUntil: null }).where(eq(outbox.id, id))
}

export async function markDelivered(db: Db, id: string, attempts: number, at: string) {
  await db
    .update(outbox)
    .set({ state: 'delivered', attempts, deliveredAt: at, lastError: null, leasedUntil: null })
    .where(eq(outbox.id, id))
}

/** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
export async function markAttemptFailed(
  db: Db,
  id: string,
  attempts: number,
  error: string,
  retryAt: string | null,
) {
  await db
    .update(outbox)
    .set({
      attempts,
      lastError: error,
      leasedUntil: null,
      ...(retryAt ? { nextAttemptAt: retryAt } : { state: 'failed' }),
    })
    .where(eq(outbox.id, id))
}

/**
 * The receiver is back: notifications waiting for a later retry after a failure become due at
 * `now`, so a backlog drains at once instead of over the retry schedule's hours.
 */
export async function bringRetriesForward(db: Db, now: string): Promise<number> {
  const result = await db
    .update(outbox)
    .set({ nextAttemptAt: now })
    .where(and(eq(outbox.state, 'pending'), gt(outbox.attempts, 0), gt(outbox.nextAttemptAt, now)))
  return result.rowsAffected
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
    .set({ state: 'pending', attempts: 0, nextAttemptAt: at, leasedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'failed')))
  return result.rowsAffected === 1
}
