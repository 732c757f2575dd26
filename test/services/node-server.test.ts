import { maxHeaderSize, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createNodeServer } from '../../api/services/node-server'
import { createTestApp, type TestApp } from '../support/test-app'

let t: TestApp
let server: { url: string }
const listening: Server[] = []

/** The server around a fetch callback, on a free port of 127.0.0.1. */
async function listen(fetch: Parameters<typeof createNodeServer>[0]): Promise<string> {
  const node = createNodeServer(fetch, '127.0.0.1')
  listening.push(node)
  await new Promise<void>((ready) => node.listen(0, '127.0.0.1', ready))
  return `http://127.0.0.1:${(node.address() as AddressInfo).port}`
}

beforeAll(async () => {
  t = await createTestApp()
  server = { url: await listen(t.app.fetch) }
})
afterAll(async () => {
  await Promise.all(listening.map((node) => new Promise((closed) => node.close(closed))))
  t.client.close()
})

interface RawAnswer {
  status: number
  headers: Map<string, string>
  body: string
}

/** Sends bytes as they are (no client library would send these) and reads until the server closes. */
function sendRaw(bytes: string, url = server.url): Promise<RawAnswer> {
  const { hostname, port } = new URL(url)
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    const socket = connect(Number(port), hostname, () => socket.end(bytes, 'latin1'))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    // The server closes right after a refusal: a reset once the answer arrived is no failure.
    socket.on('error', (error) => {
      if (chunks.length === 0) fail(error)
    })
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n')
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':')
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const
        }),
      )
      done({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4) })
    })
  })
}

const get = (target: string, headers = 'Host: localhost\r\n') =>
  `GET ${target} HTTP/1.1\r\n${headers}\r\n`
const post = (headers: string, body = '{}') =>
  `POST /v1/simulations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${headers}\r\n${body}`

describe('createNodeServer: requests refused before the app', () => {
  it.each([
    // Node's parser (llhttp), reported through the server's 'clientError'.
    [
      'a header 4 KB over Node’s limit (16 KB unless --max-http-header-size says otherwise)',
      get('/health', `Host: localhost\r\nCookie: ${'a'.repeat(maxHeaderSize + 4096)}\r\n`),
      431,
      'headers-too-large',
      new RegExp(`${maxHeaderSize / 1024} Ko`),
    ],
    [
      'a Content-Length that is not a number',
      post('Content-Length: abc\r\n'),
      400,
      'malformed-request',
      /Content-Length/,
    ],
    [
      'two different Content-Length',
      post('Content-Length: 2\r\nContent-Length: 3\r\n'),
      400,
      'malformed-request',
      /Content-Length/,
    ],
    [
      'Content-Length with Transfer-Encoding',
      post('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n'),
      400,
      'malformed-request',
      /Transfer-Encoding/,
    ],
    ['a garbage request line', 'HELLO WORLD\r\n\r\n', 400, 'malformed-request', /HTTP\/1\.1/],
    [
      'an unknown HTTP version',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      400,
      'malformed-request',
      /HTTP/,
    ],
    [
      'a control character in the path',
      get('/v1/opcos/a\x01b'),
      400,
      'malformed-request',
      /chemin/,
    ],
    [
      'a space in a header name',
      get('/health', 'Host: localhost\r\nBad Header: 1\r\n'),
      400,
      'malformed-request',
      /en-tête/,
    ],
    // @hono/node-server, which cannot build the request's URL.
    ['a raw backslash in the path', get('/v1/opcos/a\\b'), 400, 'malformed-request', /\\/],
    ['a Host with a space', get('/health', 'Host: a b\r\n'), 400, 'malformed-request', /Host/],
    [
      'a Host with a path',
      get('/health', 'Host: evil.example/x\r\n'),
      400,
      'malformed-request',
      /Host/,
    ],
    [
      'OPTIONS *',
      'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n',
      400,
      'malformed-request',
      /chemin/,
    ],
    // Node's own answers outside the parser.
    ['HTTP/1.1 without Host', get('/health', ''), 400, 'malformed-request', /Host/],
    [
      'an Expect other than 100-continue',
      get('/health', 'Host: x\r\nExpect: 200-ok\r\n'),
      417,
      'http-error',
      /Expect/,
    ],
    [
      'CONNECT',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      501,
      'http-error',
      /CONNECT/,
    ],
  ] as const)('answers %s with a problem+json', async (_case, bytes, status, slug, detail) => {
    const answer = await sendRaw(bytes)
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.body))
    const problem = JSON.parse(answer.body) as Record<string, unknown>
    expect(problem).toEqual({
      type: `/problems/${slug}`,
      title: expect.any(String),
      status,
      detail: expect.stringMatching(detail),
    })
    // The type resolves, with the same title.
    const documented = await fetch(`${server.url}${String(problem.type)}`)
    expect(await documented.json()).toMatchObject({ title: problem.title })
  })

  it('still serves an HTTP/1.0 request without Host, which the protocol allows', async () => {
    const answer = await sendRaw('GET /health HTTP/1.0\r\n\r\n')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ok' })
  })

  it('answers a 500 problem+json, without the error’s words, when the fetch callback throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const url = await listen(() => {
      throw new Error('secret stack')
    })
    const answer = await sendRaw('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n', url)
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.parse(answer.body)).toMatchObject({ type: '/problems/internal-error', status: 500 })
    expect(answer.body).not.toContain('secret')
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })

  it('keeps answering normal requests on the same server after refusals', async () => {
    await sendRaw('HELLO WORLD\r\n\r\n')
    const response = await fetch(`${server.url}/v1/opcos/atlas`)
    expect(response.status).toBe(200)
  })
})
