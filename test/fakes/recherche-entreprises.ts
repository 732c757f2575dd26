/**
 * A fake recherche-entreprises.api.gouv.fr on 127.0.0.1: replays real recorded responses (fixtures/) and, on demand,
 * the upstream's failures — 429 with Retry-After, 5xx, timeouts, garbage, an unexpected JSON shape, an endless body.
 */
import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listenOnLoopback, type Loopback } from './loopback'

export type FakeMode =
  | 'ok'
  | 'rate-limited'
  | 'rate-limited-until'
  | 'server-error'
  | 'hang'
  | 'garbage'
  | 'wrong-shape'
  | 'truncated'
  | 'huge'
  | 'huge-declared'

/** What the huge modes send: a well-formed answer padded to 16 MB, 64 KB at a time. */
export const HUGE_BODY_BYTES = 16 * 1024 * 1024
const HUGE_CHUNK = 'x'.repeat(64 * 1024)
const HUGE_HEAD = '{"results":[],"padding":"'
const HUGE_TAIL = '"}'

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

const BY_SIRET = fixture('recherche-entreprises_search_by-siret.json')
const FULLTEXT = fixture('recherche-entreprises_search_fulltext.json')
const OCTO_SIREN = '418166096'
const EMPTY = JSON.stringify({
  results: [],
  total_results: 0,
  page: 1,
  per_page: 10,
  total_pages: 0,
})

export interface FakeRechercheEntreprises {
  url: string
  /** Every `/search` query string received, oldest first. */
  requests: URLSearchParams[]
  mode: FakeMode
  /** Seconds announced in Retry-After when rate limited. */
  retryAfterSeconds: number
  /** The HTTP date announced in Retry-After in `rate-limited-until` mode. */
  retryUntil: string
  /** Bytes of the last huge body written, and whether the client hung up before its end. */
  lastHugeBody: Promise<{ sentBytes: number; complete: boolean }> | null
  close(): Promise<void>
}

function answerSearch(params: URLSearchParams): string {
  const q = (params.get('q') ?? '').replace(/\s/g, '')
  if (/^\d{9}(\d{5})?$/.test(q)) return q.startsWith(OCTO_SIREN) ? BY_SIRET : EMPTY
  return /octo/i.test(q) ? FULLTEXT : EMPTY
}

/** Writes HUGE_BODY_BYTES as fast as the client reads, stopping when it hangs up. */
async function sendHugeBody(
  response: ServerResponse,
  declareLength: boolean,
): Promise<{ sentBytes: number; complete: boolean }> {
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': String(HUGE_BODY_BYTES) } : {}),
  })
  const body = HUGE_BODY_BYTES - HUGE_HEAD.length - HUGE_TAIL.length
  let sentBytes = 0
  const write = async (text: string) => {
    sentBytes += text.length
    if (!response.write(text)) await once(response, 'drain')
  }
  const hungUp = once(response, 'close').then(() => 'closed' as const)
  try {
    await write(HUGE_HEAD)
    for (let left = body; left > 0; left -= HUGE_CHUNK.length) {
      await Promise.race([write(HUGE_CHUNK.slice(0, left)), hungUp])
      if (response.destroyed) return { sentBytes, complete: false }
    }
    await write(HUGE_TAIL)
  } catch {
    return { sentBytes, complete: false }
  }
  response.end()
  return { sentBytes, complete: !response.destroyed }
}

/** Tests in a browser switch modes with `POST /__mode/<mode>`. */
export async function startFakeRechercheEntreprises(): Promise<FakeRechercheEntreprises> {
  const fake: FakeRechercheEntreprises = {
    url: '',
    requests: [],
    mode: 'ok',
    retryAfterSeconds: 2,
    retryUntil: 'Fri, 31 Dec 9999 23:59:59 GMT',
    lastHugeBody: null,
    close: async () => {},
  }

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const control = /^\/__mode\/([a-z-]+)$/.exec(url.pathname)
    if (request.method === 'POST' && control?.[1]) {
      fake.mode = control[1] as FakeMode
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end()
      return
    }
    if (url.pathname !== '/search') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"erreur":"not found"}')
      return
    }
    fake.requests.push(url.searchParams)
    switch (fake.mode) {
      case 'rate-limited':
        response
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(fake.retryAfterSeconds),
          })
          .end('{"erreur":"Trop de requêtes"}')
        return
      case 'rate-limited-until':
        response
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': fake.retryUntil })
          .end('{"erreur":"Trop de requêtes"}')
        return
      case 'huge':
      case 'huge-declared':
        fake.lastHugeBody = sendHugeBody(response, fake.mode === 'huge-declared')
        return
      case 'server-error':
        response
          .writeHead(503, { 'content-type': 'text/html' })
          .end('<html><body>Service Unavailable</body></html>')
        return
      case 'hang':
        loopback.hold(response)
        return
      case 'garbage':
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Maintenance</title>')
        return
      case 'truncated':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"results": [{"siren": "4181')
        return
      case 'wrong-shape':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"data": {"entreprises": []}}')
        return
      case 'ok':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(answerSearch(url.searchParams))
    }
  }

  const server = createServer(handle)
  const loopback: Loopback = await listenOnLoopback(server)
  fake.url = loopback.url
  fake.close = loopback.close
  return fake
}
