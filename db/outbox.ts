/** The outbox: notifications waiting for delivery, claimed one at a time, kept after delivery or failure. */
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import type { Db } from './client'
import { outbox } from './schema'

export type OutboxRow = typeof outbox.$inferSelect
export type OutboxState = 'pending' | 'delivered' | 'failed'

/** Pending notifications due at `now`, oldest first. */
export async function dueNotifications(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(limit)
}

/**
 * Leases a due notification until `leaseUntil`, so a second worker (another isolate, the cron)
 * skips it; false when another one got it first.
 */
export async function leaseNotification(
  db: Db,
  row: OutboxRow,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .update(outbox)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(outbox.id, row.id),
        eq(outbox.state, 'pending'),
        eq(outbox.nextAttemptAt, row.nextAttemptAt),
      ),
    )
  return result.rowsAffected === 1
}

export async function markDelivered(db: Db, id: string, attempts: number, at: string) {
  await db
    .update(outbox)
    .set({ state: 'delivered', attempts, deliveredAt: at, lastError: null })
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
      ...(retryAt ? { nextAttemptAt: retryAt } : { state: 'failed' }),
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
    .set({ state: 'pending', attempts: 0, nextAttemptAt: at })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'failed')))
  return result.rowsAffected === 1
}
