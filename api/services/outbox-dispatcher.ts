/**
 * Delivers the outbox: each due notification is leased, sent through the channel, then marked
 * delivered or scheduled again (api/domain/retry-schedule.ts). Called after each booking change and
 * on a timer (Node) or a cron trigger (Workers); a notification is never lost, at worst sent twice,
 * and its `webhook-id` lets the receiver drop the duplicate.
 *
 * Order: a subject's notifications go out one after the other (db/outbox.ts picks only the earliest
 * pending one of each subject), several subjects at once. Backlog: when nothing is due and the next
 * retry is more than a minute away, a round sends that notification early as a probe, at most once
 * a minute; once the receiver accepts any notification, every waiting retry becomes due and the
 * round drains them, so a receiver back from an outage gets its backlog within a minute or two,
 * not over the schedule's hours.
 */
import type { Db } from '../../db/client'
import {
  bringRetriesForward,
  dueNotifications,
  leaseNotification,
  markAttemptFailed,
  markDelivered,
  nextProbe,
  releaseLease,
  type OutboxRow,
} from '../../db/outbox'
import { notificationBody } from '../domain/notification-body'
import { nextAttemptAt } from '../domain/retry-schedule'
import type { Clock } from './clock'
import { WEBHOOK_TIMEOUT_MS, type NotificationChannel } from './webhook-channel'

/** Longer than a delivery can take, so a lease only lapses when its worker died. */
const LEASE_MS = 6 * WEBHOOK_TIMEOUT_MS
const BATCH = 50
/** Deliveries in flight at once, each of a different subject. */
const PARALLEL = 8
/** Bounds one round's work; the rest waits for the next round. */
const MAX_PER_ROUND = 5_000
/** A receiver whose retries are far off is probed at most this often (per process or isolate). */
const PROBE_EVERY_MS = 60_000

export interface DeliveryReport {
  delivered: number
  retried: number
  failed: number
}

type Outcome = keyof DeliveryReport | 'skipped'

export class OutboxDispatcher {
  readonly #channel: NotificationChannel | null
  readonly #clock: Clock
  readonly #log: (message: string) => void
  #running: Promise<DeliveryReport> | null = null
  #again = false
  #probedAt = -Infinity

  /** Without a channel nothing is sent: notifications wait in the outbox until one is configured. */
  constructor(options: {
    channel: NotificationChannel | null
    clock: Clock
    log?: (message: string) => void
  }) {
    this.#channel = options.channel
    this.#clock = options.clock
    this.#log = options.log ?? (() => {})
  }

  /**
   * Sends what is due; a call made while a round runs shares that round, which then looks once
   * more, so a notification written meanwhile is not left for the timer.
   */
  deliverDue(db: Db): Promise<DeliveryReport> {
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = this.#rounds(db).finally(() => {
      this.#running = null
    })
    return this.#running
  }

  async #rounds(db: Db): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 }
    const channel = this.#channel
    if (!channel) return report
    do {
      this.#again = false
      await this.#round(db, channel, report)
    } while (this.#again)
    return report
  }

  async #round(db: Db, channel: NotificationChannel, report: DeliveryReport): Promise<void> {
    let sent = 0
    let woken = false
    while (sent < MAX_PER_ROUND) {
      const due = await dueNotifications(db, this.#iso(), BATCH)
      if (due.length === 0) {
        if (sent > 0 || woken || !(await this.#probe(db, channel, report))) return
        woken = true
        continue
      }
      const outcomes = await inParallel(due, PARALLEL, (row) => this.#deliver(db, channel, row))
      sent += due.length
      for (const outcome of outcomes) if (outcome !== 'skipped') report[outcome]++
      if (!woken && outcomes.includes('delivered')) {
        woken = true
        await bringRetriesForward(db, this.#iso())
      }
      // The receiver is failing: the rest waits for its own try rather than hammering it now.
      if (outcomes.includes('retried') || outcomes.includes('failed')) return
    }
  }

  /**
   * Nothing is due but notifications wait for a retry: tries the next of them, outside the
   * schedule (a failed probe changes nothing). True when the receiver accepted it and every
   * waiting retry was made due.
   */
  async #probe(db: Db, channel: NotificationChannel, report: DeliveryReport): Promise<boolean> {
    const now = this.#clock.now()
    if (now - this.#probedAt < PROBE_EVERY_MS) return false
    const row = await nextProbe(db, iso(now))
    // A retry due within the probe interval is probe enough.
    if (!row || Date.parse(row.nextAttemptAt) - now <= PROBE_EVERY_MS) return false
    if (!(await leaseNotification(db, row.id, iso(now), iso(now + LEASE_MS)))) return false
    this.#probedAt = now
    try {
      await channel.send({ id: row.id, topic: row.topic, payload: notificationBody(row) })
    } catch {
      await releaseLease(db, row.id)
      return false
    }
    await markDelivered(db, row.id, row.attempts + 1, this.#iso())
    report.delivered++
    await bringRetriesForward(db, this.#iso())
    return true
  }

  async #deliver(db: Db, channel: NotificationChannel, row: OutboxRow): Promise<Outcome> {
    if (!(await leaseNotification(db, row.id, this.#iso(), this.#iso(LEASE_MS)))) return 'skipped'
    const attempts = row.attempts + 1
    try {
      await channel.send({ id: row.id, topic: row.topic, payload: notificationBody(row) })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const retryAt = nextAttemptAt(attempts, this.#clock.now())
      await markAttemptFailed(db, row.id, attempts, reason, retryAt === null ? null : iso(retryAt))
      if (retryAt !== null) return 'retried'
      this.#log(
        `notification ${row.id} (${row.topic}) given up after ${attempts} attempts: ${reason}`,
      )
      return 'failed'
    }
    await markDelivered(db, row.id, attempts, this.#iso())
    return 'delivered'
  }

  /** The clock's instant, `offsetMs` later, as stored. */
  #iso(offsetMs = 0): string {
    return iso(this.#clock.now() + offsetMs)
  }
}

const iso = (instant: number) => new Date(instant).toISOString()

/** Runs `work` on every item, at most `limit` at a time; outcomes in the items' order. */
async function inParallel<Item, Result>(
  items: Item[],
  limit: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as Item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
