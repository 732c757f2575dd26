/**
 * Adapter to the public « API Recherche d'entreprises » (recherche-entreprises.api.gouv.fr): company by SIREN/SIRET and
 * by name, with its declared conventions. Validates what comes back, caches answers and respects the upstream's rate.
 */
import { z } from 'zod'
import type { CompanyId } from '../domain/company-id'
import type { CompanyRecord, Establishment } from '../domain/company-opco'
import { ProblemError } from '../middleware/problem'
import type { Clock } from './clock'
import { RateLimitedError, RateLimiter, type Sleep } from './rate-limiter'
import { TtlCache } from './ttl-cache'

/**
 * The upstream allows 7 requests/s per IP, then answers 429 with Retry-After
 * (shared/data/api-reference.json); one less leaves room for network jitter.
 */
const REQUESTS_PER_SECOND = 6
/** Our answer must come within 5 s: ≤ 1 s queued behind the rate limit, ≤ 3.5 s for the upstream itself. */
export const ANSWER_WITHIN_MS = 5000
export const MAX_QUEUE_MS = 1000
export const UPSTREAM_TIMEOUT_MS = 3500
/**
 * A Retry-After beyond this is not believed: a wrong header must not stop company lookups for hours.
 * The same cap bounds our own answer's Retry-After and how long our outgoing calls pause.
 */
const MAX_RETRY_AFTER_S = 60
/**
 * A page of 10 companies is about 20 KB (the recorded fixtures); anything past 1 MB is not an answer
 * we can use, and reading it whole would let the upstream (or whoever sits in its place) fill our memory.
 */
export const MAX_UPSTREAM_BODY_BYTES = 1024 * 1024
/** Company data changes slowly (the IDCC list is refreshed with months of delay); misses are kept shorter. */
const FOUND_TTL_MS = 24 * 60 * 60 * 1000
const NOT_FOUND_TTL_MS = 10 * 60 * 1000
const CACHE_ENTRIES = 2000
/** `per_page` is capped at 25 by the upstream. */
const SEARCH_PAGE_SIZE = 10
const USER_AGENT = 'ganapati-widgets (opco-finder; +https://ganapati.fr)'

const IdccList = z
  .array(z.string())
  .nullish()
  .transform((list) => list ?? [])

const UpstreamEstablishment = z.object({
  siret: z.string(),
  adresse: z.string().nullish(),
  code_postal: z.string().nullish(),
  libelle_commune: z.string().nullish(),
  activite_principale: z.string().nullish(),
  etat_administratif: z.string().nullish(),
  liste_idcc: IdccList,
})

const UpstreamCompany = z.object({
  siren: z.string(),
  nom_complet: z.string().nullish(),
  nom_raison_sociale: z.string().nullish(),
  activite_principale: z.string().nullish(),
  etat_administratif: z.string().nullish(),
  siege: UpstreamEstablishment.nullish(),
  matching_etablissements: z.array(UpstreamEstablishment).nullish(),
  complements: z.object({ liste_idcc: IdccList }).nullish(),
})

const UpstreamSearch = z.object({ results: z.array(UpstreamCompany) })

type UpstreamEstablishment = z.infer<typeof UpstreamEstablishment>
type UpstreamCompany = z.infer<typeof UpstreamCompany>

function toEstablishment(item: UpstreamEstablishment): Establishment {
  return {
    siret: item.siret,
    address: item.adresse ?? null,
    postcode: item.code_postal ?? null,
    city: item.libelle_commune ?? null,
    naf: item.activite_principale ?? null,
    active: item.etat_administratif !== 'F',
    idcc: item.liste_idcc,
  }
}

function toCompany(item: UpstreamCompany): CompanyRecord {
  return {
    siren: item.siren,
    name: item.nom_complet ?? item.nom_raison_sociale ?? item.siren,
    naf: item.activite_principale ?? null,
    active: item.etat_administratif !== 'C',
    headOffice: item.siege ? toEstablishment(item.siege) : null,
    establishments: (item.matching_etablissements ?? []).map(toEstablishment),
    idcc: item.complements?.liste_idcc ?? item.siege?.liste_idcc ?? [],
  }
}

const RETRY_HINT = 'Réessayez dans un instant, ou cherchez par numéro IDCC.'

const unavailable = (detail: string) =>
  new ProblemError('upstream-unavailable', `${detail} ${RETRY_HINT}`)

const malformed = (detail: string) =>
  new ProblemError('upstream-malformed', `${detail} ${RETRY_HINT}`)

const tooSlow = () =>
  new ProblemError(
    'upstream-timeout',
    `L’annuaire des entreprises n’a pas répondu à temps. ${RETRY_HINT}`,
  )

const busy = (retryAfterSeconds: number) =>
  new ProblemError(
    'upstream-rate-limited',
    `Trop de recherches d’entreprises en ce moment\u00a0: réessayez dans ${retryAfterSeconds}\u00a0s, ou cherchez par numéro IDCC.`,
    { headers: { 'Retry-After': String(retryAfterSeconds) } },
  )

const tooLarge = () =>
  malformed("L’annuaire des entreprises a renvoyé une réponse trop volumineuse.")

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')

/**
 * The body as text, read as a stream and cut off past `maxBytes`: a declared Content-Length over
 * the cap is refused before reading, an undeclared one as soon as the cap is crossed. fetch hands
 * over decompressed bytes, so a small gzip body that inflates past the cap is cut off too.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  // TextDecoder rather than Buffer: the adapter runs on Workers too.
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > maxBytes) {
      // Cancelling closes the connection: the rest of the body is never downloaded.
      await reader.cancel()
      throw tooLarge()
    }
    text += decoder.decode(value, { stream: true })
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 § 10.2.3), between 1 s and the cap. */
export function retryAfterSeconds(header: string | null, now: number): number {
  const seconds = Number(header)
  const fromDate = header ? (Date.parse(header) - now) / 1000 : Number.NaN
  const value = Number.isFinite(seconds) && header?.trim() ? seconds : fromDate
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, Math.ceil(Number.isFinite(value) ? value : 1)))
}

export interface CompanyDirectory {
  findCompany(id: CompanyId): Promise<CompanyRecord | null>
  searchCompanies(query: string, postcode: string | undefined): Promise<CompanyRecord[]>
}

export interface RechercheEntreprisesOptions {
  baseUrl: string
  clock: Clock
  fetch?: typeof fetch
  sleep?: Sleep
  /** How long the upstream may take; tests shorten it. */
  timeoutMs?: number
}

export class RechercheEntreprises implements CompanyDirectory {
  readonly #baseUrl: string
  readonly #clock: Clock
  readonly #fetch: typeof fetch
  readonly #limiter: RateLimiter
  readonly #cache: TtlCache<unknown>
  readonly #inFlight = new Map<string, Promise<unknown>>()
  readonly #timeoutMs: number

  constructor(options: RechercheEntreprisesOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.#clock = options.clock
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
    this.#limiter = new RateLimiter({
      perSecond: REQUESTS_PER_SECOND,
      clock: options.clock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    })
    this.#cache = new TtlCache({ maxEntries: CACHE_ENTRIES, clock: options.clock })
    this.#timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS
  }

  findCompany(id: CompanyId): Promise<CompanyRecord | null> {
    const key = id.kind === 'siret' ? id.siret : id.siren
    return this.#cached(`company:${key}`, async () => {
      const results = await this.#search({
        q: key,
        per_page: '1',
        limite_matching_etablissements: '1',
      })
      const found = results.find((item) => item.siren === id.siren)
      return found ? toCompany(found) : null
    })
  }

  searchCompanies(query: string, postcode: string | undefined): Promise<CompanyRecord[]> {
    const params: Record<string, string> = {
      q: query,
      per_page: String(SEARCH_PAGE_SIZE),
      limite_matching_etablissements: '1',
    }
    if (postcode) params.code_postal = postcode
    return this.#cached(`search:${query.toLowerCase()}|${postcode ?? ''}`, async () =>
      (await this.#search(params)).map(toCompany),
    )
  }

  /** One upstream call per key at a time; answers (including « not found ») are kept for a while. */
  async #cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#cache.get(key)
    if (hit !== undefined) return hit as T
    const pending = this.#inFlight.get(key)
    if (pending) return pending as Promise<T>
    const loading = load()
      .then((value) => {
        const empty = value === null || (Array.isArray(value) && value.length === 0)
        this.#cache.set(key, value, empty ? NOT_FOUND_TTL_MS : FOUND_TTL_MS)
        return value
      })
      .finally(() => this.#inFlight.delete(key))
    this.#inFlight.set(key, loading)
    return loading
  }

  async #search(params: Record<string, string>): Promise<UpstreamCompany[]> {
    try {
      await this.#limiter.acquire(MAX_QUEUE_MS)
    } catch (error) {
      if (error instanceof RateLimitedError) throw busy(error.retryAfterSeconds)
      throw error
    }
    const url = `${this.#baseUrl}/search?${new URLSearchParams(params)}`
    let response: Response
    try {
      response = await this.#fetch(url, {
        headers: { accept: 'application/json', 'user-agent': USER_AGENT },
        signal: AbortSignal.timeout(this.#timeoutMs),
      })
    } catch (error) {
      throw isTimeout(error)
        ? tooSlow()
        : unavailable("L’annuaire des entreprises est injoignable.")
    }
    if (response.status === 429) {
      const seconds = retryAfterSeconds(response.headers.get('retry-after'), this.#clock.now())
      this.#limiter.pauseUntil(this.#clock.now() + seconds * 1000)
      await response.body?.cancel()
      throw busy(seconds)
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw unavailable(`L’annuaire des entreprises a répondu par une erreur (${response.status}).`)
    }
    let body: unknown
    try {
      body = JSON.parse(await readCapped(response, MAX_UPSTREAM_BODY_BYTES))
    } catch (error) {
      if (error instanceof ProblemError) throw error
      // The timeout also covers reading the body.
      throw isTimeout(error)
        ? tooSlow()
        : malformed("L’annuaire des entreprises a renvoyé une réponse illisible.")
    }
    const parsed = UpstreamSearch.safeParse(body)
    if (!parsed.success)
      throw malformed("L’annuaire des entreprises a renvoyé une réponse inattendue.")
    return parsed.data.results
  }
}
