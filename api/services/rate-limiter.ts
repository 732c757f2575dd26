/** Spaces outgoing requests to stay under an upstream's rate, and honours its Retry-After when it still says 429. */
import type { Clock } from './clock'

export class RateLimitedError extends Error {
  /** Seconds until a slot frees up, for our own Retry-After. */
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds}s`)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export class RateLimiter {
  readonly #intervalMs: number
  readonly #clock: Clock
  readonly #sleep: Sleep
  #nextSlot = 0

  constructor(options: { perSecond: number; clock: Clock; sleep?: Sleep }) {
    this.#intervalMs = 1000 / options.perSecond
    this.#clock = options.clock
    this.#sleep = options.sleep ?? realSleep
  }

  /** Waits for the next free slot; refuses at once when that is further away than `maxWaitMs`. */
  async acquire(maxWaitMs: number): Promise<void> {
    const now = this.#clock.now()
    const slot = Math.max(now, this.#nextSlot)
    const wait = slot - now
    if (wait > maxWaitMs) throw new RateLimitedError(Math.max(1, Math.ceil(wait / 1000)))
    this.#nextSlot = slot + this.#intervalMs
    if (wait > 0) await this.#sleep(wait)
  }

  /** Blocks every slot until `untilMs` (the upstream said Retry-After). */
  pauseUntil(untilMs: number): void {
    this.#nextSlot = Math.max(this.#nextSlot, untilMs)
  }
}
