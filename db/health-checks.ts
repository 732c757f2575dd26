/** The readiness probe's write and read-back. */
import { eq } from 'drizzle-orm'
import type { Db } from './client'
import { healthChecks } from './schema'

/**
 * Commits `at` into the probe's row, then reads the row back: true when both worked. Concurrent
 * probes may overwrite each other's instant, so the read only checks that a row is there.
 */
export async function writeAndReadBack(db: Db, at: string): Promise<boolean> {
  const written = await db
    .insert(healthChecks)
    .values({ id: 'ready', checkedAt: at })
    .onConflictDoUpdate({ target: healthChecks.id, set: { checkedAt: at } })
    .returning({ checkedAt: healthChecks.checkedAt })
  const read = await db
    .select({ id: healthChecks.id })
    .from(healthChecks)
    .where(eq(healthChecks.id, 'ready'))
  return written[0]?.checkedAt === at && read.length === 1
}
