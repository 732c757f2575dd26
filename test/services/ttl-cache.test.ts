import { describe, expect, it } from 'vitest'
import { TtlCache } from '../../api/services/ttl-cache'

function cacheWithClock(maxEntries = 10) {
  let now = 0
  const cache = new TtlCache<string>({ maxEntries, clock: { now: () => now } })
  return { cache, advance: (ms: number) => (now += ms) }
}

describe('TtlCache', () => {
  it('returns a value until it expires', () => {
    const { cache, advance } = cacheWithClock()
    cache.set('a', 'A', 100)
    advance(99)
    expect(cache.get('a')).toBe('A')
    advance(1)
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('drops the least recently used entry when full', () => {
    const { cache } = cacheWithClock(2)
    cache.set('a', 'A', 1000)
    cache.set('b', 'B', 1000)
    expect(cache.get('a')).toBe('A')
    cache.set('c', 'C', 1000)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe('A')
    expect(cache.get('c')).toBe('C')
  })
})
