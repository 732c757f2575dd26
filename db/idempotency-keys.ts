/**
 * Idempotency-Key records of POST /v1/bookings: claimed before the work, completed with the answer.
 * `keyHash` is the hash of the key with its scope (api/middleware/idempotency.ts), never the key alone.
 */
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { Db } from './client'
import { idempotencyKeys } from './schema'

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect

/** Claims a key for a request; false when the key was already claimed. */
export async function claimKey(
  db: Db,
  keyHash: string,
  requestHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insert(idempotencyKeys)
    .values({ keyHash, requestHash, createdAt: at })
    .onConflictDoNothing()
  return result.rowsAffected === 1
}

export async function findKey(db: Db, keyHash: string): Promise<IdempotencyRecord | null> {
  return (
    (
      await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, keyHash)).limit(1)
    )[0] ?? null
  )
}

/** Takes over a claim whose request never finished (the process stopped mid-way). */
export async function takeOverStaleKey(
  db: Db,
  keyHash: string,
  claimedBefore: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .update(idempotencyKeys)
    .set({ createdAt: at })
    .where(
      and(
        eq(idempotencyKeys.keyHash, keyHash),
        isNull(idempotencyKeys.status),
        lt(idempotencyKeys.createdAt, claimedBefore),
      ),
    )
  return result.rowsAffected === 1
}

export async function completeKey(
  db: Db,
  keyHash: string,
  status: number,
  sealedBody: string,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status, sealedBody })
    .where(eq(idempotencyKeys.keyHash, keyHash))
}

/** Frees a claim whose request failed for a reason a retry may not meet (a server error). */
export async function releaseKey(db: Db, keyHash: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.keyHash, keyHash), isNull(idempotencyKeys.status)))
}

/** Forgets keys claimed before `before`; returns how many. */
export async function purgeKeys(db: Db, before: string): Promise<number> {
  const result = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before))
  return result.rowsAffected
}
