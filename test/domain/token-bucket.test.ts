import { describe, expect, it } from 'vitest'
import { refillMs, takeToken, type Bucket } from '../../api/domain/token-bucket'

const rule = { capacity: 3, refillPerSecond: 0.5 }

describe('takeToken', () => {
  it('allows a full burst, then refuses with the wait for the next token', () => {
    let bucket: Bucket | undefined
    for (let index = 0; index < 3; index++) {
      const take = takeToken(bucket, 1000, rule)
      expect(take.allowed).toBe(true)
      bucket = take.bucket
    }
    const refused = takeToken(bucket, 1000, rule)
    expect(refused).toEqual({ allowed: false, bucket: { tokens: 0, at: 1000 }, retryAfterMs: 2000 })
  })

  it('refills with time, never above the capacity', () => {
    const empty: Bucket = { tokens: 0, at: 0 }
    expect(takeToken(empty, 2000, rule).allowed).toBe(true)
    expect(takeToken(empty, 1000, rule).allowed).toBe(false)
    expect(takeToken(empty, 60_000, rule).bucket.tokens).toBe(2)
  })

  it('says how long an untouched bucket takes to be full again', () => {
    expect(refillMs(rule)).toBe(6000)
  })
})
