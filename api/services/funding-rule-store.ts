/** The funding rules in force, kept in memory between requests and reloaded after a change or a minute. */
import type { Db } from '../../db/client'
import { latestRules, type StoredRule } from '../../db/funding-rules'
import type { Clock } from './clock'

/** Another process (or Workers isolate) may store a rule: a minute bounds how long this one misses it. */
const RELOAD_AFTER_MS = 60 * 1000

export class FundingRuleStore {
  readonly #clock: Clock
  #loaded: Promise<StoredRule[]> | undefined
  #loadedAt = 0

  constructor(clock: Clock) {
    this.#clock = clock
  }

  rules(db: Db): Promise<StoredRule[]> {
    const now = this.#clock.now()
    if (!this.#loaded || now - this.#loadedAt > RELOAD_AFTER_MS) {
      this.#loadedAt = now
      const loading = latestRules(db)
      this.#loaded = loading
      loading.catch(() => {
        if (this.#loaded === loading) this.#loaded = undefined
      })
    }
    return this.#loaded
  }

  /** After a change made by this process: the next request reads the table again. */
  invalidate(): void {
    this.#loaded = undefined
  }
}
