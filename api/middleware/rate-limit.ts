/**
 * Per-client rate limit (token bucket), so one client cannot spend the company directory's shared
 * budget for every visitor. State is in memory: per process on Node, per isolate on Workers.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { refillMs, takeToken, type Bucket, type BucketRule } from '../domain/token-bucket'
import type { Clock } from '../services/clock'
import { TtlCache } from '../services/ttl-cache'
import { ProblemError } from './problem'

/** Clients tracked at once; the least recently seen are forgotten first (they then start full). */
const TRACKED_CLIENTS = 10_000

export function rateLimit(options: {
  rule: BucketRule
  clock: Clock
  clientKey: (c: Context) => string
  /** What the visitor reads, given the seconds to wait. */
  refusal: (seconds: number) => string
}): MiddlewareHandler {
  const buckets = new TtlCache<Bucket>({ maxEntries: TRACKED_CLIENTS, clock: options.clock })
  const keepMs = refillMs(options.rule)
  return async (c, next) => {
    const key = options.clientKey(c)
    const take = takeToken(buckets.get(key), options.clock.now(), options.rule)
    buckets.set(key, take.bucket, keepMs)
    if (!take.allowed) {
      const seconds = Math.max(1, Math.ceil(take.retryAfterMs / 1000))
      throw new ProblemError('too-many-requests', options.refusal(seconds), {
        headers: { 'Retry-After': String(seconds) },
      })
    }
    await next()
  }
}
