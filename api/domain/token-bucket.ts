/** Token-bucket arithmetic, pure: a burst of `capacity` requests, then `refillPerSecond` on average. */

export interface BucketRule {
  capacity: number
  refillPerSecond: number
}

export interface Bucket {
  tokens: number
  /** Milliseconds since the epoch of the last update. */
  at: number
}

export type Take =
  { allowed: true; bucket: Bucket } | { allowed: false; bucket: Bucket; retryAfterMs: number }

export function takeToken(bucket: Bucket | undefined, now: number, rule: BucketRule): Take {
  const elapsed = bucket ? Math.max(0, now - bucket.at) / 1000 : 0
  const tokens = Math.min(
    rule.capacity,
    (bucket?.tokens ?? rule.capacity) + elapsed * rule.refillPerSecond,
  )
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: now } }
  return {
    allowed: false,
    bucket: { tokens, at: now },
    retryAfterMs: ((1 - tokens) / rule.refillPerSecond) * 1000,
  }
}

/** How long an untouched bucket takes to be full again, after which forgetting it changes nothing. */
export function refillMs(rule: BucketRule): number {
  return (rule.capacity / rule.refillPerSecond) * 1000
}
