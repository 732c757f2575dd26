/** Fetch client shared by the widgets: JSON in, problem+json errors out as one typed error. */
import type { Lang } from './i18n'

export type ApiErrorKind =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'invalid'
  | 'not-found'
  | 'rate-limited'
  | 'upstream'
  | 'server'

/** RFC 9457 body as the API sends it; every field optional because a proxy may answer instead. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: { pointer: string; detail: string }[]
}

// Shared by every widget: what went wrong, in words a visitor understands.
const messages: Record<Lang, Record<ApiErrorKind, string>> = {
  fr: {
    offline: 'Vous êtes hors ligne. Vérifiez votre connexion internet puis réessayez.',
    network: 'Le service Ganapati est injoignable pour le moment. Réessayez dans un instant.',
    timeout: 'Le service Ganapati met trop de temps à répondre. Réessayez dans un instant.',
    invalid: 'La recherche n’est pas valide.',
    'not-found': 'Aucun résultat ne correspond à cette recherche.',
    'rate-limited':
      'Trop de recherches en peu de temps. Patientez quelques secondes puis réessayez.',
    upstream: 'Le service de recherche d’entreprises ne répond pas. Réessayez dans un instant.',
    server: 'Le service Ganapati a rencontré un problème. Réessayez dans un instant.',
  },
  en: {
    offline: 'You are offline. Check your internet connection, then try again.',
    network: 'The Ganapati service cannot be reached right now. Try again in a moment.',
    timeout: 'The Ganapati service is taking too long to answer. Try again in a moment.',
    invalid: 'This search is not valid: check the number or the words you typed.',
    'not-found': 'Nothing matches this search.',
    'rate-limited': 'Too many searches in a short time. Wait a few seconds, then try again.',
    upstream: 'The company search service is not responding. Try again in a moment.',
    server: 'The Ganapati service ran into a problem. Try again in a moment.',
  },
}

export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number | null,
    readonly problem: Problem | null = null,
  ) {
    super(messages.fr[kind])
  }

  /**
   * The sentence to show. A French 400 shows the API's own detail, which names the wrong field;
   * the API words `reason`s per `?lang=` but not validation details, so other languages get ours.
   */
  describe(lang: Lang): string {
    return (
      (lang === 'fr' && this.kind === 'invalid' && this.problem?.detail) ||
      messages[lang][this.kind]
    )
  }
}

/** True for a request cancelled because a newer one superseded it: never shown to the visitor. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

function kindOf(status: number): ApiErrorKind {
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
export const scriptOrigin: string = (() => {
  try {
    const origin = new URL(import.meta.url).origin
    return origin === 'null' ? location.origin : origin
  } catch {
    return location.origin
  }
})()

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

/** The `init` of ApiClient.get() that POSTs `body` as JSON. */
export function jsonPost(body: object): RequestInit {
  return {
    method: 'POST',
    body: JSON.stringify(body),
    // Only here: on a GET, a JSON content-type would cost every cross-origin lookup a CORS preflight.
    headers: { accept: 'application/json', 'content-type': 'application/json' },
  }
}

export class ApiClient {
  readonly #controllers = new Map<string, AbortController>()

  /** `base` comes from apiBase(): an origin, or an origin and a path prefix. */
  constructor(readonly base: string) {}

  /**
   * GETs JSON from the API, or sends what `init` says (`jsonPost(body)`). Requests sharing a
   * `channel` supersede each other: starting one aborts the previous, so a slow answer to an old
   * keystroke never overwrites a newer one.
   */
  async get<T>(
    path: string,
    params: Record<string, string | number | undefined> = {},
    channel?: string,
    init?: RequestInit,
  ): Promise<T> {
    const url = new URL(this.base + path)
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
    }
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
      throw new ApiError(kindOf(response.status), response.status, await readProblem(response))
    } catch (error) {
      if (timedOut) throw new ApiError('timeout', null)
      // Superseded at any stage, even while reading an error's body: never shown.
      if (controller.signal.aborted) throw new DOMException('Superseded', 'AbortError')
      if (error instanceof ApiError) throw error
      // No response: the connection failed or dropped in flight. A response: its body was not JSON.
      throw response
        ? new ApiError('server', response.status)
        : new ApiError(navigator.onLine ? 'network' : 'offline', null)
    } finally {
      clearTimeout(timer)
    }
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
