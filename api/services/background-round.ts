/**
 * What runs besides requests — on a timer on Node, on the cron trigger on Workers: deliver the
 * outbox, forget old idempotency keys and dead sign-in links and sessions, erase the visitor details
 * of calls past their retention, and first queue the dossier reminders due, so they leave in the
 * same round.
 */
import type { Db } from '../../db/client'
import { purgeKeys } from '../../db/idempotency-keys'
import { purgeDeadTokens } from '../../db/members'
import { eraseEndedBookings } from '../../db/retention'
import { retentionCutoff } from '../domain/privacy-notice'
import type { Clock } from './clock'
import { sendDossierReminders, type ReminderSettings } from './dossier-reminders'
import type { DeliveryReport, OutboxDispatcher } from './outbox-dispatcher'

/** A client retries within minutes; a day covers a visitor who comes back to a lost answer. */
const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3_600_000

/** Bookings erased per round: a backlog (a retention shortened) goes over a few rounds, in small writes. */
const ERASED_PER_ROUND = 500

export async function backgroundRound(
  db: Db,
  dispatcher: OutboxDispatcher,
  clock: Clock,
  options: {
    retentionDays: number
    /** Dossier reminders to queue, when e-mail is configured; they go out in this same round. */
    dossierReminders?: ReminderSettings
  },
): Promise<
  DeliveryReport & {
    purgedKeys: number
    erasedBookings: number
    remindedDossiers: number
    purgedTokens: number
  }
> {
  const remindedDossiers = options.dossierReminders
    ? await sendDossierReminders(db, clock, options.dossierReminders)
    : 0
  const now = clock.now()
  const iso = (instant: number) => new Date(instant).toISOString()
  const before = iso(now - IDEMPOTENCY_KEY_LIFETIME_MS)
  const [report, purgedKeys, erasedBookings, purgedTokens] = await Promise.all([
    dispatcher.deliverDue(db),
    purgeKeys(db, before),
    eraseEndedBookings(
      db,
      iso(retentionCutoff(now, options.retentionDays)),
      iso(now),
      ERASED_PER_ROUND,
    ),
    purgeDeadTokens(db, iso(now)),
  ])
  return { ...report, purgedKeys, erasedBookings, remindedDossiers, purgedTokens }
}
