/** A bounded in-memory cache with per-entry expiry; the least recently used entry goes first when full. */
import type { Clock } from './clock'

export class TtlCache<Value> {
  readonly #entries = new Map<string, { value: Value; expiresAt: number }>()
  readonly #maxEntries: number
  readonly #clock: Clock

  constructor(options: { maxEntries: number; clock: Clock }) {
    this.#maxEntries = options.maxEntries
    this.#clock = options.clock
  }

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key)
      return undefined
    }
    // Re-insert to mark it most recently used (Map keeps insertion order).
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: Value, ttlMs: number): void {
    this.#entries.delete(key)
    this.#entries.set(key, { value, expiresAt: this.#clock.now() + ttlMs })
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }

  get size(): number {
    return this.#entries.size
  }
}
