/** When a failed notification is tried again: waits that grow, then it is given up for an admin to retry. Pure. */

const MINUTE_MS = 60_000

/** About two days in all, so a receiver down for a weekend day still gets its notifications. */
export const RETRY_DELAYS_MS = [
  0.5 * MINUTE_MS,
  2 * MINUTE_MS,
  10 * MINUTE_MS,
  30 * MINUTE_MS,
  60 * MINUTE_MS,
  3 * 60 * MINUTE_MS,
  6 * 60 * MINUTE_MS,
  12 * 60 * MINUTE_MS,
  24 * 60 * MINUTE_MS,
] as const

/** The instant of the next try after `failedAttempts` failures, or null to give up. */
export function nextAttemptAt(failedAttempts: number, now: number): number | null {
  const delay = RETRY_DELAYS_MS[failedAttempts - 1]
  return delay === undefined ? null : now + delay
}
