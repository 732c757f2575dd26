import { describe, expect, it } from 'vitest'
import { nextAttemptAt, RETRY_DELAYS_MS } from '../../api/domain/retry-schedule'

const NOW = Date.parse('2026-11-20T08:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

describe('nextAttemptAt', () => {
  // Expected waits: the schedule of api/domain/retry-schedule.ts, growing from 30 s to a day.
  it.each([
    { failures: 1, wait: 30_000, next: '2026-11-20T08:00:30.000Z' },
    { failures: 2, wait: 2 * MINUTE, next: '2026-11-20T08:02:00.000Z' },
    { failures: 3, wait: 10 * MINUTE, next: '2026-11-20T08:10:00.000Z' },
    { failures: 4, wait: 30 * MINUTE, next: '2026-11-20T08:30:00.000Z' },
    { failures: 5, wait: HOUR, next: '2026-11-20T09:00:00.000Z' },
    { failures: 6, wait: 3 * HOUR, next: '2026-11-20T11:00:00.000Z' },
    { failures: 7, wait: 6 * HOUR, next: '2026-11-20T14:00:00.000Z' },
    { failures: 8, wait: 12 * HOUR, next: '2026-11-20T20:00:00.000Z' },
    { failures: 9, wait: 24 * HOUR, next: '2026-11-21T08:00:00.000Z' },
  ])('after $failures failure(s), tries again $wait ms later', ({ failures, wait, next }) => {
    expect(nextAttemptAt(failures, NOW)).toBe(NOW + wait)
    expect(new Date(nextAttemptAt(failures, NOW) ?? 0).toISOString()).toBe(next)
  })

  it.each([10, 11, 50])('gives up after %i failures: every delay has been used', (failures) => {
    expect(nextAttemptAt(failures, NOW)).toBeNull()
  })

  it('gives up exactly when the delays run out', () => {
    expect(nextAttemptAt(RETRY_DELAYS_MS.length, NOW)).not.toBeNull()
    expect(nextAttemptAt(RETRY_DELAYS_MS.length + 1, NOW)).toBeNull()
  })
})

describe('RETRY_DELAYS_MS', () => {
  it('waits longer each time', () => {
    for (let index = 1; index < RETRY_DELAYS_MS.length; index++) {
      expect(RETRY_DELAYS_MS[index]).toBeGreaterThan(RETRY_DELAYS_MS[index - 1] ?? Infinity)
    }
  })

  it('keeps trying for more than a day and less than two, as its comment promises', () => {
    const total = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)
    // 0.5 + 2 + 10 + 30 + 60 + 180 + 360 + 720 + 1440 minutes
    expect(total).toBe(2802.5 * MINUTE)
    expect(total).toBeGreaterThan(24 * HOUR)
    expect(total).toBeLessThan(48 * HOUR)
  })
})
