/**
 * Delivers the outbox: each due notification is leased, sent through the channel, then marked
 * delivered or scheduled again (api/domain/retry-schedule.ts). Called after each booking change and
 * on a timer (Node) or a cron trigger (Workers); a notification is never lost, at worst sent twice,
 * and its `webhook-id` lets the receiver drop the duplicate.
 */
import type { Db } from '../../db/client'
import {
  dueNotifications,
  leaseNotification,
  markAttemptFailed,
  markDelivered,
} from '../../db/outbox'
import { nextAttemptAt } from '../domain/retry-schedule'
import type { Clock } from './clock'
import { WEBHOOK_TIMEOUT_MS, type NotificationChannel } from './webhook-channel'

/** Longer than a delivery can take, so a lease only lapses when its worker died. */
const LEASE_MS = 6 * WEBHOOK_TIMEOUT_MS
const BATCH = 20

export interface DeliveryReport {
  delivered: number
  retried: number
  failed: number
}

export class OutboxDispatcher {
  readonly #channel: NotificationChannel | null
  readonly #clock: Clock
  readonly #log: (message: string) => void
  #running: Promise<DeliveryReport> | null = null

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

  /** Sends what is due; a call made while a round runs shares that round. */
  deliverDue(db: Db): Promise<DeliveryReport> {
    this.#running ??= this.#deliver(db).finally(() => {
      this.#running = null
    })
    return this.#running
  }

  async #deliver(db: Db): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 }
    const channel = this.#channel
    if (!channel) return report
    const iso = (instant: number) => new Date(instant).toISOString()
    const due = await dueNotifications(db, iso(this.#clock.now()), BATCH)
    for (const row of due) {
      if (!(await leaseNotification(db, row, iso(this.#clock.now() + LEASE_MS)))) continue
      const attempts = row.attempts + 1
      try {
        await channel.send(row)
        await markDelivered(db, row.id, attempts, iso(this.#clock.now()))
        report.delivered++
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        const retryAt = nextAttemptAt(attempts, this.#clock.now())
        await markAttemptFailed(
          db,
          row.id,
          attempts,
          reason,
          retryAt === null ? null : iso(retryAt),
        )
        if (retryAt === null) {
          report.failed++
          this.#log(
            `notification ${row.id} (${row.topic}) given up after ${attempts} attempts: ${reason}`,
          )
        } else {
          report.retried++
        }
      }
    }
    return report
  }
}
