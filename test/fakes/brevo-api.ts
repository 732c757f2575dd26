/**
 * Brevo's transactional e-mail endpoint on 127.0.0.1 (`POST /v3/smtp/email`): it checks the
 * `api-key` header, records each request and answers with the shapes Brevo's API reference gives —
 * 201 `{ "messageId": "<…@smtp-relay.mailin.fr>" }`, errors as `{ "code", "message" }` — or with
 * a failure the test asks for. `GET /requests` lists what it received, for a test that runs
 * elsewhere (in workerd) and cannot read `requests`.
 */
import { createServer } from 'node:http'
import { listenOnLoopback, type Loopback } from './loopback'

export const BREVO_TEST_KEY = 'xkeysib-test-0123456789abcdef'

/**
 * `ok` 201 · `invalid` 400 invalid_parameter · `unauthorized` 401 · `credits` 402
 * not_enough_credits · `rate-limited` 429 · `down` 502 from a proxy (HTML) · `duplicate` 400
 * duplicate_request · `hang` no answer.
 */
export type BrevoMode =
  'ok' | 'invalid' | 'unauthorized' | 'credits' | 'rate-limited' | 'down' | 'duplicate' | 'hang'

export interface BrevoRequest {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

export interface FakeBrevoApi {
  /** The base URL, as BREVO_API_URL takes it: `http://127.0.0.1:<port>/v3`. */
  url: string
  requests: BrevoRequest[]
  mode: BrevoMode
  close(): Promise<void>
}

const ANSWERS: Record<Exclude<BrevoMode, 'hang'>, [number, string, string]> = {
  ok: [201, 'application/json', '{"messageId":"<202611200800.12345678901@smtp-relay.mailin.fr>"}'],
  invalid: [
    400,
    'application/json',
    '{"code":"invalid_parameter","message":"email is not valid in to"}',
  ],
  unauthorized: [401, 'application/json', '{"code":"unauthorized","message":"Key not found"}'],
  credits: [
    402,
    'application/json',
    '{"code":"not_enough_credits","message":"Not enough credits"}',
  ],
  'rate-limited': [
    429,
    'application/json',
    '{"code":"too_many_requests","message":"Too many requests"}',
  ],
  down: [502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
  duplicate: [
    400,
    'application/json',
    '{"code":"duplicate_request","message":"Request already received"}',
  ],
}

export async function startFakeBrevoApi(): Promise<FakeBrevoApi> {
  const fake: FakeBrevoApi = { url: '', requests: [], mode: 'ok', close: async () => {} }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/requests') {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(fake.requests))
        return
      }
      const text = Buffer.concat(chunks).toString('utf8')
      fake.requests.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      })
      if (fake.mode === 'hang') {
        loopback.hold(response)
        return
      }
      const unknownKey = request.headers['api-key'] !== BREVO_TEST_KEY
      const known = request.method === 'POST' && request.url === '/v3/smtp/email'
      const [status, type, body] = !known
        ? [404, 'application/json', '{"code":"document_not_found","message":"Not found"}']
        : unknownKey
          ? ANSWERS.unauthorized
          : ANSWERS[fake.mode]
      response.writeHead(status, { 'content-type': type }).end(body)
    })
  })
  const loopback: Loopback = await listenOnLoopback(server)
  fake.url = `${loopback.url}/v3`
  fake.close = loopback.close
  return fake
}
