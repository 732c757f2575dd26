/**
 * A partner's webhook endpoint on 127.0.0.1: records every request and answers as the test asks —
 * accepted, a 5xx, a 410, a redirect, or no answer at all — plus an independent check of the
 * Standard Webhooks signature, computed with node:crypto rather than with our own signer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { listenOnLoopback, type Loopback } from './loopback'

/** `ok` 204 · `server-error` 500 · `bad-request` 400 · `gone` 410 · `redirect` 302 to /moved · `hang` never answers. */
export type ReceiverMode = 'ok' | 'server-error' | 'bad-request' | 'gone' | 'redirect' | 'hang'

export interface ReceivedRequest {
  method: string
  path: string
  /** Lower-case names, as node:http gives them. */
  headers: Record<string, string>
  body: string
}

export interface FakeWebhookReceiver {
  url: string
  /** Every request received, oldest first, the hanging ones included. */
  requests: ReceivedRequest[]
  /** How requests are answered once the queue of `failNext` is used up. */
  mode: ReceiverMode
  /** A mode for some requests by their body (a receiver that refuses one notification); then the queue. */
  answerFor: ((body: string) => ReceiverMode | undefined) | null
  /** Answers the next `count` requests with `mode` (a 500 by default), then `mode` again. */
  failNext(count: number, mode?: ReceiverMode): void
  /** Resolves once `count` requests in all have been received. */
  received(count: number): Promise<void>
  close(): Promise<void>
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

export async function startFakeWebhookReceiver(): Promise<FakeWebhookReceiver> {
  const queue: ReceiverMode[] = []
  const waiters: { count: number; resolve: () => void }[] = []

  const fake: FakeWebhookReceiver = {
    url: '',
    requests: [],
    mode: 'ok',
    answerFor: null,
    failNext(count, mode = 'server-error') {
      for (let index = 0; index < count; index++) queue.push(mode)
    },
    received(count) {
      if (fake.requests.length >= count) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ count, resolve }))
    },
    close: async () => {},
  }

  const answer = (response: ServerResponse, mode: ReceiverMode) => {
    switch (mode) {
      case 'ok':
        response.writeHead(204).end()
        return
      case 'server-error':
        response
          .writeHead(500, { 'content-type': 'text/html' })
          .end('<html><body>Internal Server Error</body></html>')
        return
      case 'bad-request':
        response
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"error":"unknown field booking.context"}')
        return
      case 'gone':
        response.writeHead(410, { 'content-type': 'text/plain' }).end('Gone')
        return
      case 'redirect':
        response.writeHead(302, { location: `${fake.url}/moved` }).end()
        return
      case 'hang':
        loopback.hold(response)
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      fake.requests.push({
        method: request.method ?? '',
        path: request.url ?? '/',
        headers: headersOf(request),
        body: Buffer.concat(chunks).toString('utf8'),
      })
      for (const waiter of waiters.filter((w) => fake.requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
      const body = fake.requests.at(-1)?.body ?? ''
      answer(response, fake.answerFor?.(body) ?? queue.shift() ?? fake.mode)
    })
  })
  const loopback: Loopback = await listenOnLoopback(server)
  fake.url = loopback.url
  fake.close = loopback.close
  return fake
}

/**
 * What a receiver following the Standard Webhooks specification checks: one of the space-separated
 * `v1,<base64>` signatures is HMAC-SHA256(secret, "id.timestamp.body"), and, when `now` is given,
 * the timestamp is within `toleranceSeconds` of it (the spec's replay protection, 5 min suggested).
 */
export function verifyStandardWebhook(
  secret: string,
  request: Pick<ReceivedRequest, 'headers' | 'body'>,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const id = request.headers['webhook-id']
  const timestamp = request.headers['webhook-timestamp']
  const signatures = request.headers['webhook-signature']
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false
  if (options.now !== undefined) {
    const skew = Math.abs(Math.floor(options.now / 1000) - Number(timestamp))
    if (skew > (options.toleranceSeconds ?? 300)) return false
  }
  const expected = createHmac('sha256', secret)
    .update(`${id}.${timestamp}.${request.body}`)
    .digest()
  return signatures.split(' ').some((entry) => {
    const [version, encoded] = entry.split(',', 2)
    if (version !== 'v1' || !encoded) return false
    const presented = Buffer.from(encoded, 'base64')
    return presented.length === expected.length && timingSafeEqual(presented, expected)
  })
}
