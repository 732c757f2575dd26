/** The finder's suggestion engine: which searches a query calls for, debounced and superseded, and what a round of them met. */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { CompanySearchResult, CompanySummary } from '../../api/contracts/companies'
import type { ConventionSearchResult, ConventionSuggestion } from '../../api/contracts/conventions'
import { ApiError, isAbort, type ApiErrorKind } from '../shared/api-client'
import type { ApiController } from '../shared/api-controller'
import { MIN_COMPANY_QUERY, type Query } from './query'

// Our API answers suggestions in milliseconds; company search goes on to recherche-entreprises
// (7 requests/s per IP), so it waits for the visitor to pause.
const CONVENTION_DEBOUNCE_MS = 150
const COMPANY_DEBOUNCE_MS = 400
const MAX_CONVENTIONS = 8
const MAX_COMPANIES = 5
// A company search answered 400 or 404 found nothing; any other failure means it is unavailable.
const NO_COMPANY: ApiErrorKind[] = ['invalid', 'not-found']

export type Channel = 'conventions' | 'companies'

/** The finder: its listbox shows what the engine writes there. */
export interface SuggestionHost extends ReactiveControllerHost {
  conventions: ConventionSuggestion[]
  companies: CompanySummary[]
}

export class SuggestionController implements ReactiveController {
  readonly #host: SuggestionHost
  readonly #api: ApiController
  readonly #settled: () => void
  #timers: ReturnType<typeof setTimeout>[] = []
  /** Channels scheduled or in flight: the round ends when none is left. */
  readonly #pending = new Set<Channel>()
  /** A conventions-search failure, kept until the round ends to tell empty from error. */
  #failure: unknown = null
  /** The company search failed for this round's words: only conventions are suggested. Read-only outside. */
  companiesDown = false

  /** `settled` is called when a round scheduled by suggest() has every answer. */
  constructor(host: SuggestionHost, api: ApiController, settled: () => void) {
    this.#host = host
    this.#api = api
    this.#settled = settled
    host.addController(this)
  }

  /** Whether searches are scheduled or in flight. */
  get busy(): boolean {
    return this.#pending.size > 0
  }

  /**
   * Schedules the searches a query calls for as the visitor types: conventions for an IDCC
   * prefix or words, companies for words long enough. False when there is none: the list empties.
   */
  suggest(query: Query): boolean {
    const words = query.kind === 'words' ? query.value : ''
    if (query.kind === 'idcc') this.#schedule('conventions', CONVENTION_DEBOUNCE_MS, query.prefix)
    if (words.length > 1) this.#schedule('conventions', CONVENTION_DEBOUNCE_MS, words)
    if (words.length >= MIN_COMPANY_QUERY) this.#schedule('companies', COMPANY_DEBOUNCE_MS, words)
    else this.#host.companies = []
    if (!this.busy) this.#host.conventions = []
    return this.busy
  }

  /** Searches words at once, as Enter does; false when a newer query superseded them. */
  async search(words: string): Promise<boolean> {
    const companies = words.length >= MIN_COMPANY_QUERY
    if (!companies) this.#host.companies = []
    const done = await Promise.all([
      this.#fetch('conventions', words),
      !companies || this.#fetch('companies', words),
    ])
    return done.every(Boolean)
  }

  /** The round's conventions-search failure, once: the next round starts without it. */
  takeFailure(): unknown {
    const failure = this.#failure
    this.#failure = null
    return failure
  }

  /**
   * Drops the searches scheduled and what the round learnt; those in flight are aborted with the
   * element's other requests (ApiController.cancel()), which the finder does at the same time.
   */
  cancel(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers = []
    this.#pending.clear()
    this.#failure = null
    this.companiesDown = false
  }

  hostDisconnected(): void {
    this.cancel()
  }

  #schedule(channel: Channel, delay: number, q: string) {
    this.#pending.add(channel)
    this.#timers.push(
      setTimeout(async () => {
        if ((await this.#fetch(channel, q)) && !this.busy) this.#settled()
      }, delay),
    )
  }

  /** Fetches one channel; false when a newer keystroke superseded it. */
  async #fetch(channel: Channel, q: string): Promise<boolean> {
    const host = this.#host
    this.#pending.add(channel)
    try {
      const conventions = channel === 'conventions'
      const limit = conventions ? MAX_CONVENTIONS : MAX_COMPANIES
      const body = await this.#api.get<ConventionSearchResult | CompanySearchResult>(
        `/v1/${channel}`,
        conventions ? { q, limit } : { q },
        channel,
      )
      ;(host[channel] as unknown[]) = body.items.slice(0, limit)
    } catch (error) {
      if (isAbort(error)) return false
      host[channel] = []
      // Conventions still answer when recherche-entreprises is down: say so, do not fail. Any
      // other company-search error (a 400 for words the API refuses) is just no company.
      if (channel === 'conventions') this.#failure = error
      else if (!(error instanceof ApiError && NO_COMPANY.includes(error.kind))) {
        this.companiesDown = true
      }
    }
    this.#pending.delete(channel)
    return true
  }
}
