/**
 * A fake recherche-entreprises.api.gouv.fr on 127.0.0.1: replays real recorded responses (fixtures/) and, on demand,
 * the upstream's failures — 429 with Retry-After, 5xx, timeouts, garbage, an unexpected JSON shape.
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listenOnLoopback, type Loopback } from './loopback'

export type FakeMode =
  'ok' | 'rate-limited' | 'server-error' | 'hang' | 'garbage' | 'wrong-shape' | 'truncated'

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
  close(): Promise<void>
}

function answerSearch(params: URLSearchParams): string {
  const q = (params.get('q') ?? '').replace(/\s/g, '')
  if (/^\d{9}(\d{5})?$/.test(q)) return q.startsWith(OCTO_SIREN) ? BY_SIRET : EMPTY
  return /octo/i.test(q) ? FULLTEXT : EMPTY
}

/** Tests in a browser switch modes with `POST /__mode/<mode>`. */
export async function startFakeRechercheEntreprises(): Promise<FakeRechercheEntreprises> {
  const fake: FakeRechercheEntreprises = {
    url: '',
    requests: [],
    mode: 'ok',
    retryAfterSeconds: 2,
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
