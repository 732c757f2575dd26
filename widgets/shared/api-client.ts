/** Fetch client shared by the widgets: JSON in, problem+json errors out as one typed error. */
import type { CommonWords, FormWords, Lang } from '../i18n/translation'

export type ApiErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'invalid'
  | 'not-found'
  | 'rate-limited'
  | 'upstream'
  | 'server'

/** Failures that pass: their sentence ends with when to try again (Retry-After, else « in a moment »). */
const RETRYABLE: ApiErrorKind[] = ['network', 'timeout', 'rate-limited', 'upstream', 'server']

/** RFC 9457 body as the API sends it; every field optional because a proxy may answer instead. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: { pointer: string; detail: string }[]
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly problem: Problem | null = null,
    /** Seconds the API asked to wait (`Retry-After`), when it said. */
    readonly retryAfter: number | null = null,
  ) {
    super(kind)
  }

  /**
   * The sentence to show, in the visitor's language (`t`, the words of `lang`). In French, the
   * API's own `detail`: it says what was wrong, how long to wait and what to do instead (« ou
   * cherchez par numéro IDCC »). The API words its problems in French only (`?lang=` reaches its
   * answers, not its errors): in English, ours, with the wait when the API gave one.
   */
  describe(t: CommonWords, lang: Lang): string {
    const detail = this.apiDetail(lang)
    if (detail) return detail
    const text = t.errors[this.kind]
    if (!RETRYABLE.includes(this.kind)) return text
    return `${text} ${this.retryAfter ? t.wait(this.retryAfter) : t.soon}`
  }

  /** The API's own detail when it is in the visitor's language (French), else null. */
  apiDetail(lang: Lang): string | null {
    const detail = this.problem?.detail
    return lang === 'fr' && typeof detail === 'string' && detail ? detail : null
  }
}

/** `Retry-After` in seconds, from its delay or its date form; null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null
}

/** True for a request cancelled because a newer one superseded it: never shown to the visitor. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/**
 * What went wrong, from the problem's type when the API sent one (a 503 is the directory's
 * outage, a locked database or a server not ready: only the type tells them apart), else from the
 * status a proxy answered.
 */
export function kindOf(status: number, problem: Problem | null): ApiErrorKind {
  const slug = /\/problems\/([\w-]+)$/.exec(problem?.type ?? '')?.[1]
  if (slug === 'upstream-rate-limited') return 'rate-limited'
  if (slug?.startsWith('upstream-')) return 'upstream'
  if (slug && status >= 500) return 'server'
  if (status === 404) return 'not-found'
  if (status === 429) return 'rate-limited'
  // 502, 503, 504: a gateway or an upstream failed.
  if (status > 501 && status < 505) return 'upstream'
  if (status >= 400 && status < 500) return 'invalid'
  return 'server'
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json()
    return body && typeof body === 'object' ? (body as Problem) : null
  } catch {
    return null
  }
}

// A lookup that hangs is worse than an error the visitor can retry. The API itself answers within
// 5 s: recherche-entreprises gets 3.5 s after at most 1 s in its queue (api/services/recherche-entreprises.ts).
const TIMEOUT_MS = 8_000

/** Only http(s) links reach an href or a fetch: neither a host page nor a data row may inject `javascript:`. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  try {
    const url = new URL(value ?? '')
    return /^https?:$/.test(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

/** Origin this script was served from: the default API, since the bundle ships with the API. */
export const scriptOrigin = (() => {
  try {
    const origin = new URL(import.meta.url).origin
    if (origin !== 'null') return origin
  } catch {
    // Not a URL: served as the page's own.
  }
  // A data: or blob: module has no origin of its own: the page's (none outside a page).
  return globalThis.location?.origin
})() as string

/**
 * Where the API lives, from a host page's `api` attribute: an http(s) URL, with its path kept as a
 * prefix (`https://x.example/ganapati` behind a partner's proxy) but no query, hash or final slash;
 * anything else falls back to the script's origin.
 */
export function apiBase(value: string | null | undefined): string {
  return (
    safeHttpUrl(value)
      ?.replace(/[?#].*/, '')
      .replace(/\/+$/, '') ?? scriptOrigin
  )
}

/** A fresh Idempotency-Key: randomUUID exists in secure contexts only (https, localhost), a partner page may be http. */
export function idempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
      byte.toString(16).padStart(2, '0'),
    ).join('')
  )
}

/**
 * The Idempotency-Key of a form's POST: one per body, so the same body sent again after a lost
 * answer reuses it (the API replays its first answer) and a changed one gets a new key.
 */
export class RetryKey {
  #body = ''
  #key = ''

  /** The key for this body: the last one when the body is the same. */
  for(body: string): string {
    if (body !== this.#body) {
      this.#body = body
      this.#key = idempotencyKey()
    }
    return this.#key
  }

  /** The request was answered: the next one, even with the same body, is a new one. */
  answered(): void {
    this.#body = ''
  }
}

/** Failures of the connection itself, whatever the request. */
const CONNECTION: ApiErrorKind[] = ['offline', 'network', 'timeout']

/**
 * A form's failed request in the visitor's words: the connection's, else the API's own detail
 * when it is in their language (French), else ours (the shared messages of other kinds speak of
 * searches).
 */
export function explain(failure: ApiError, lang: Lang, t: CommonWords & FormWords): string {
  if (CONNECTION.includes(failure.kind)) return failure.describe(t, lang)
  return (
    failure.apiDetail(lang) ??
    (failure.kind === 'invalid' ? t.invalid : `${t.errors.server} ${t.soon}`)
  )
}

/** The `init` of ApiClient.get() that POSTs `body` as JSON. */
export function jsonPost(body: object): RequestInit {
  return {
    method: 'POST',
    body: JSON.stringify(body),
    // Only here: on a GET, a JSON content-type would cost every cross-origin lookup a CORS preflight.
    headers: { accept: 'application/json', 'content-type': 'application/json' },
  }
}

/** Query parameters; an undefined or empty one is left out. */
export type Params = Record<string, string | number | undefined>

export class ApiClient {
  readonly #controllers = new Map<string, AbortController>()
  readonly #base: string

  /** `base` comes from apiBase(): an origin, or an origin and a path prefix. */
  constructor(base: string) {
    this.#base = base
  }

  /** The origin, or origin and path prefix, every path is appended to. */
  get base(): string {
    return this.#base
  }

  /**
   * GETs JSON from the API, or sends what `init` says (`jsonPost(body)`). Requests sharing a
   * `channel` supersede each other: starting one aborts the previous, so a slow answer to an old
   * keystroke never overwrites a newer one.
   */
  async get<T>(
    path: string,
    params: Params = {},
    channel?: string,
    init?: RequestInit,
  ): Promise<T> {
    const url = this.url(path, params)
    const controller = new AbortController()
    if (channel) {
      this.#controllers.get(channel)?.abort()
      this.#controllers.set(channel, controller)
    }
    if (!navigator.onLine) throw new ApiError('offline', null)
    // One controller and a timer, not AbortSignal.any/timeout: Safari has `any` only since 17.4.
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, TIMEOUT_MS)
    let response: Response | undefined
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        credentials: 'omit',
        ...init,
        signal: controller.signal,
      })
      if (response.ok) return (await response.json()) as T
      const problem = await readProblem(response)
      throw new ApiError(
        kindOf(response.status, problem),
        response.status,
        problem,
        retryAfterSeconds(response.headers.get('retry-after')),
      )
    } catch (error) {
      if (timedOut) throw new ApiError('timeout', null)
      // Superseded at any stage, even while reading an error's body: never shown.
      if (controller.signal.aborted) throw new DOMException('', 'AbortError')
      if (error instanceof ApiError) throw error
      // No response: the connection failed or dropped in flight. A response: its body was not JSON.
      throw response
        ? new ApiError('server', response.status)
        : new ApiError(navigator.onLine ? 'network' : 'offline', null)
    } finally {
      clearTimeout(timer)
    }
  }

  /** The address of a request: the base, the path, the parameters that have a value. */
  url(path: string, params: Params = {}): URL {
    const url = new URL(this.base + path)
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
    }
    return url
  }

  /** Aborts the request in flight on a channel, or on every channel when none is given. */
  cancel(channel?: string): void {
    for (const [name, controller] of this.#controllers) {
      if (channel === undefined || name === channel) {
        controller.abort()
        this.#controllers.delete(name)
      }
    }
  }
}
