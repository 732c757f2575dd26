/**
 * Delivers the outbox: each due notification is leased, sent through its row's channel (webhook or
 * e-mail), then marked delivered or scheduled again (api/domain/retry-schedule.ts). Called after
 * each booking change and on a timer (Node) or a cron trigger (Workers); a notification is never
 * lost, at worst sent twice, and its id (`webhook-id`, Message-ID) lets the receiver drop the
 * duplicate.
 *
 * Order: a subject's notifications on a channel go out one after the other (db/outbox.ts offers
 * only the earliest pending one of each subject and channel), several subjects at once. Each
 * channel runs its own round, side by side: a webhook receiver that is down never holds an e-mail.
 *
 * Backlog: a receiver back from an outage should not wait for the schedule's hours. Once a round
 * sees it accept a notification, it also sends, early, those waiting for a retry because the
 * receiver was unavailable. When nothing is due, a round first probes with one of them, at most once
 * a minute. An early try that fails counts for nothing: the notification keeps its attempts and
 * its scheduled retry, so a notification the receiver refuses is not worn out by others' successes.
 */
import type { Db } from '../../db/client'
import {
  dueNotifications,
  leaseNotification,
  markAttemptFailed,
  markDelivered,
  markEarlyTryFailed,
  waitingRetries,
  type OutboxRow,
  type RetryCursor,
} from '../../db/outbox'
import { failureKindOf, type DeliveryFailureKind } from '../domain/delivery-failure'
import { notificationBody } from '../domain/notification-body'
import type { OutboxChannel } from '../domain/outbox-channels'
import { nextAttemptAt } from '../domain/retry-schedule'
import type { Clock } from './clock'
import type { NotificationChannel } from './notification-channel'
import { WEBHOOK_TIMEOUT_MS } from './webhook-channel'

/** Longer than a delivery can take (a webhook's 10 s, an SMTP exchange's few steps of 10 s at most), so a lease only lapses when its worker died. */
const LEASE_MS = 6 * WEBHOOK_TIMEOUT_MS
const BATCH = 50
/** Deliveries in flight at once, each of a different subject. */
const PARALLEL = 8
/** Bounds one round's work; the rest waits for the next round. */
const MAX_PER_ROUND = 5_000
/** How often a receiver whose retries are all far off is probed (per process or isolate). */
const PROBE_EVERY_MS = 60_000

export interface DeliveryReport {
  delivered: number
  /** Failed tries on the schedule, to be tried again. */
  retried: number
  /** Given up after the last try of the schedule. */
  failed: number
}

/** What delivers each channel's rows; a channel left out keeps its rows waiting in the outbox. */
export type NotificationChannels = Partial<Record<OutboxChannel, NotificationChannel | null>>

/** Where a channel's probing stands (per process or isolate). */
interface ProbeState {
  probedAt: number
  /** The last notification probed: the next probe takes the one after it, in retry order. */
  cursor: RetryCursor | null
}

/** What one try came to; `early` tries are outside the schedule. */
type Outcome =
  | { sent: true }
  | { sent: false; failure: DeliveryFailureKind; gaveUp: boolean; early: boolean }
  | null

export class OutboxDispatcher {
  readonly #channels: [OutboxChannel, NotificationChannel][]
  readonly #clock: Clock
  readonly #log: (message: string) => void
  #running: Promise<DeliveryReport> | null = null
  #report: DeliveryReport = { delivered: 0, retried: 0, failed: 0 }
  /** Each channel's rounds under way: channels go at their own pace. */
  readonly #loops = new Map<OutboxChannel, Promise<void>>()
  /** Channels asked to look once more, by a call made while their round ran. */
  readonly #again = new Set<OutboxChannel>()
  readonly #probes = new Map<OutboxChannel, ProbeState>()

  /** A channel without a NotificationChannel sends nothing: its rows wait until one is configured. */
  constructor(options: {
    channels: NotificationChannels
    clock: Clock
    log?: (message: string) => void
  }) {
    this.#channels = Object.entries(options.channels).filter(
      (entry): entry is [OutboxChannel, NotificationChannel] => Boolean(entry[1]),
    )
    this.#clock = options.clock
    this.#log = options.log ?? (() => {})
  }

  /** Whether rows of this channel are delivered here (the app queues advisors' e-mails without a webhook). */
  delivers(channel: OutboxChannel): boolean {
    return this.#channels.some(([name]) => name === channel)
  }

  /**
   * Sends what is due; a call made while a round runs shares that round, which then looks once
   * more, so a notification written meanwhile is not left for the timer. Each channel goes round
   * at its own pace: an e-mail queued while a webhook receiver takes its 10 s to fail goes at once.
   */
  deliverDue(db: Db): Promise<DeliveryReport> {
    if (!this.#running) this.#report = { delivered: 0, retried: 0, failed: 0 }
    for (const [name, channel] of this.#channels) {
      if (this.#loops.has(name)) this.#again.add(name)
      else this.#loop(db, name, channel)
    }
    if (!this.#running) {
      this.#running = this.#settled().finally(() => {
        this.#running = null
      })
    }
    return this.#running
  }

  /** One channel's rounds, until no call asked it to look again. */
  #loop(db: Db, name: OutboxChannel, channel: NotificationChannel): void {
    const report = this.#report
    const loop = (async () => {
      do {
        this.#again.delete(name)
        await this.#round(db, name, channel, report)
      } while (this.#again.has(name))
    })().finally(() => {
      this.#loops.delete(name)
    })
    this.#loops.set(name, loop)
  }

  /** Resolves once every channel's rounds are over, those started meanwhile included. */
  async #settled(): Promise<DeliveryReport> {
    const report = this.#report
    while (this.#loops.size > 0) await Promise.all(this.#loops.values())
    return report
  }

  async #round(
    db: Db,
    name: OutboxChannel,
    channel: NotificationChannel,
    report: DeliveryReport,
  ): Promise<void> {
    let tried = 0
    /** The receiver accepted a notification in this round: waiting retries may go early. */
    let receiverUp = false
    /** How far this round's early pass has gone, so each waiting retry is tried once a round. */
    let earlyCursor: RetryCursor | null = null
    while (tried < MAX_PER_ROUND) {
      let rows = await dueNotifications(db, name, this.#iso(), BATCH)
      const early = rows.length === 0
      if (early) {
        if (!receiverUp && !(await this.#probe(db, name, channel, report))) return
        receiverUp = true
        rows = await waitingRetries(db, name, this.#iso(), earlyCursor, BATCH)
        const last = rows.at(-1)
        if (!last) return
        earlyCursor = { nextAttemptAt: last.nextAttemptAt, id: last.id }
      }
      const outcomes = await inParallel(rows, PARALLEL, (row) =>
        this.#deliver(db, channel, row, early),
      )
      tried += rows.length
      for (const outcome of outcomes) {
        if (outcome?.sent) report.delivered++
        else if (outcome && !outcome.early) report[outcome.gaveUp ? 'failed' : 'retried']++
      }
      if (outcomes.some((outcome) => outcome?.sent)) receiverUp = true
      // The receiver is down: the rest waits for its own try rather than hammering it now.
      if (outcomes.some((outcome) => outcome?.sent === false && outcome.failure === 'unavailable'))
        return
    }
  }

  /**
   * Nothing is due: tries, early, the next notification waiting for a retry that is more than a
   * probe interval away, at most once per interval. True when the receiver accepted it.
   */
  async #probe(
    db: Db,
    name: OutboxChannel,
    channel: NotificationChannel,
    report: DeliveryReport,
  ): Promise<boolean> {
    const now = this.#clock.now()
    const probe = this.#probes.get(name) ?? { probedAt: -Infinity, cursor: null }
    this.#probes.set(name, probe)
    if (now - probe.probedAt < PROBE_EVERY_MS) return false
    const after = async (cursor: RetryCursor | null) =>
      (await waitingRetries(db, name, iso(now), cursor, 1))[0]
    // The one after the last probed, round and round: one the receiver keeps failing never
    // stands in for all the others.
    const row = (await after(probe.cursor)) ?? (await after(null))
    // A retry due within the interval is probe enough.
    if (!row || Date.parse(row.nextAttemptAt) - now <= PROBE_EVERY_MS) return false
    probe.probedAt = now
    probe.cursor = { nextAttemptAt: row.nextAttemptAt, id: row.id }
    const outcome = await this.#deliver(db, channel, row, true)
    if (!outcome?.sent) return false
    report.delivered++
    return true
  }

  async #deliver(
    db: Db,
    channel: NotificationChannel,
    row: OutboxRow,
    early: boolean,
  ): Promise<Outcome> {
    if (!(await leaseNotification(db, row.id, this.#iso(), this.#iso(LEASE_MS)))) return null
    try {
      await channel.send({
        id: row.id,
        topic: row.topic,
        payload: notificationBody(row),
        sealedToken: row.sealedToken,
      })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const failure = failureKindOf(error)
      if (early) {
        await markEarlyTryFailed(db, row.id, reason, failure)
        return { sent: false, failure, gaveUp: false, early }
      }
      const attempts = row.attempts + 1
      const retryAt = nextAttemptAt(attempts, this.#clock.now())
      await markAttemptFailed(db, row.id, {
        attempts,
        error: reason,
        failure,
        retryAt: retryAt === null ? null : iso(retryAt),
      })
      if (retryAt === null) {
        this.#log(
          `notification ${row.id} (${row.channel} ${row.topic}) given up after ${attempts} attempts: ${reason}`,
        )
      }
      return { sent: false, failure, gaveUp: retryAt === null, early }
    }
    await markDelivered(db, row.id, row.attempts + 1, this.#iso())
    return { sent: true }
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
