import { describe, expect, it } from 'vitest'
import { RateLimitedError, RateLimiter } from '../../api/services/rate-limiter'

/** A clock moved by hand and a sleep that records how long it was asked to wait. */
function manualTime() {
  let now = 1_000_000
  const waits: number[] = []
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    },
    advance: (ms: number) => {
      now += ms
    },
    waits,
  }
}

describe('RateLimiter', () => {
  it('lets 7 requests per second through by spacing them 1/7 s apart', async () => {
    const time = manualTime()
    const limiter = new RateLimiter({ perSecond: 7, clock: time.clock, sleep: time.sleep })
    for (let index = 0; index < 8; index++) await limiter.acquire(10_000)
    expect(time.waits).toHaveLength(7)
    for (const wait of time.waits) expect(wait).toBeCloseTo(1000 / 7, 6)
  })

  it('refuses at once, with a Retry-After, when the wait would exceed the budget', async () => {
    const time = manualTime()
    const limiter = new RateLimiter({ perSecond: 1, clock: time.clock, sleep: time.sleep })
    await limiter.acquire(0)
    await expect(limiter.acquire(500)).rejects.toEqual(new RateLimitedError(1))
  })

  it('blocks every slot until the upstream’s Retry-After has passed', async () => {
    const time = manualTime()
    const limiter = new RateLimiter({ perSecond: 7, clock: time.clock, sleep: time.sleep })
    limiter.pauseUntil(time.clock.now() + 30_000)
    const refused = await limiter.acquire(1000).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RateLimitedError)
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(30)
    time.advance(30_000)
    await limiter.acquire(0)
    expect(time.waits).toEqual([])
  })
})
