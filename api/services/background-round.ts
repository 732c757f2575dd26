/** What runs besides requests — on a timer on Node, on the cron trigger on Workers: deliver the outbox, forget old idempotency keys. */
import type { Db } from '../../db/client'
import { purgeKeys } from '../../db/idempotency-keys'
import type { Clock } from './clock'
import type { DeliveryReport, OutboxDispatcher } from './outbox-dispatcher'

/** A client retries within minutes; a day covers a visitor who comes back to a lost answer. */
const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000

export async function backgroundRound(
  db: Db,
  dispatcher: OutboxDispatcher,
  clock: Clock,
): Promise<DeliveryReport & { purgedKeys: number }> {
  const before = new Date(clock.now() - IDEMPOTENCY_KEY_LIFETIME_MS).toISOString()
  const [report, purgedKeys] = await Promise.all([dispatcher.deliverDue(db), purgeKeys(db, before)])
  return { ...report, purgedKeys }
}
