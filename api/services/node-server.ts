/**
 * The Node HTTP server in front of the app, answering problem+json to the requests refused before
 * the app sees them — by Node's parser (an oversized header, a garbage request line, a bad
 * Content-Length) or by @hono/node-server (a path or Host it cannot turn into a URL) — where Node
 * and the adapter would answer an empty 400 or 431, or close without a word.
 */
import { getRequestListener, RequestError } from '@hono/node-server'
import {
  createServer,
  maxHeaderSize,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { Duplex } from 'node:stream'
import { PROBLEM_HEADERS, problemType, type Problem } from './middleware/problem'
import { PROBLEM_TYPES, type ProblemSlug } from './middleware/problem-types'

type FetchCallback = Parameters<typeof getRequestListener>[0]

interface Refusal {
  slug: ProblemSlug
  status: number
  detail: string
}

const refusal = (
  slug: ProblemSlug,
  detail: string,
  status: number = PROBLEM_TYPES[slug].status,
) => ({
  slug,
  status,
  detail,
})

const MALFORMED = refusal(
  'malformed-request',
  'La requête n’est pas du HTTP/1.1 lisible (ligne de requête ou en-tête mal formé).',
)

/** Node's parser errors (llhttp's `HPE_*` codes, lib/_http_server.js) as what the client is told. */
export function parserRefusal(code: string | undefined): Refusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return refusal(
        'headers-too-large',
        `Les en-têtes de la requête dépassent ${maxHeaderSize / 1024} Ko : allégez les cookies ou les jetons envoyés.`,
      )
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return refusal('payload-too-large', 'Les extensions de bloc (chunk) sont trop longues.')
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return refusal('http-error', 'La requête n’est pas arrivée en entier à temps.', 408)
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return refusal(
        'malformed-request',
        'L’en-tête Content-Length est invalide ou répété : une seule valeur, en chiffres.',
      )
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return refusal(
        'malformed-request',
        'Les en-têtes Transfer-Encoding et Content-Length se contredisent : n’en envoyez qu’un.',
      )
    case 'HPE_INVALID_URL':
      return refusal(
        'malformed-request',
        'Le chemin de la requête contient un caractère interdit : encodez-le (%XX).',
      )
    case 'HPE_INVALID_HEADER_TOKEN':
      return refusal(
        'malformed-request',
        'Un nom ou une valeur d’en-tête contient un caractère interdit.',
      )
    default:
      return MALFORMED
  }
}

/** Why @hono/node-server could not build the request's URL (its RequestError messages). */
export function adapterRefusal(error: RequestError): Refusal {
  if (/backslash/i.test(error.message)) {
    return refusal(
      'malformed-request',
      'Le chemin contient une barre oblique inverse (\\) : encodez-la (%5C) ou retirez-la.',
    )
  }
  if (/host/i.test(error.message)) {
    return refusal('malformed-request', 'L’en-tête Host n’est pas un nom d’hôte valide.')
  }
  return refusal(
    'malformed-request',
    'Le chemin ou l’en-tête Host ne forment pas une adresse valide (un chemin commence par /, par exemple /v1/opcos).',
  )
}

const MISSING_HOST = refusal('malformed-request', 'L’en-tête Host est obligatoire en HTTP/1.1.')

const UNEXPECTED_EXPECT = refusal(
  'http-error',
  'Seule l’attente Expect: 100-continue est prise en charge.',
  417,
)

const NO_TUNNEL = refusal(
  'http-error',
  'Ce serveur ne sert pas de proxy : CONNECT n’est pas pris en charge.',
  501,
)

function problemText({ slug, status, detail }: Refusal): string {
  const body: Problem = {
    type: problemType(slug),
    title: PROBLEM_TYPES[slug].title,
    status,
    detail,
  }
  return JSON.stringify(body)
}

/** The headers of every problem, and a closed connection: after a refusal the byte stream cannot be trusted. */
function refusalHeaders(body: string): Record<string, string> {
  return {
    ...PROBLEM_HEADERS,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  }
}

/** A whole HTTP/1.1 response as bytes, for a socket that has no ServerResponse. */
export function rawProblemResponse(refused: Refusal): string {
  const body = problemText(refused)
  const head = Object.entries(refusalHeaders(body)).map(([name, value]) => `${name}: ${value}`)
  const reason = STATUS_CODES[refused.status] ?? ''
  return `HTTP/1.1 ${refused.status} ${reason}\r\n${head.join('\r\n')}\r\n\r\n${body}`
}

function answer(outgoing: ServerResponse, refused: Refusal): void {
  const body = problemText(refused)
  outgoing.writeHead(refused.status, refusalHeaders(body)).end(body)
}

function writeAndClose(socket: Duplex, refused: Refusal): void {
  socket.end(rawProblemResponse(refused), () => socket.destroy())
}

/** What the adapter answers when it cannot build a Request, or when the app's fetch throws. */
function adapterErrorResponse(error: unknown): Response {
  if (error instanceof RequestError) {
    const refused = adapterRefusal(error)
    return new Response(problemText(refused), { status: refused.status, headers: PROBLEM_HEADERS })
  }
  // The app renders its own errors; reaching here is a bug: logged, never detailed to the client.
  console.error(error)
  return new Response(
    problemText(
      refusal('internal-error', 'Une erreur inattendue est survenue. Réessayez dans un instant.'),
    ),
    { status: 500, headers: PROBLEM_HEADERS },
  )
}

/**
 * The HTTP server @hono/node-server's `serve` would build, with every refusal answered as
 * problem+json. `hostname` names the server to HTTP/1.0 requests, which may omit Host.
 */
export function createNodeServer(fetch: FetchCallback, hostname: string): Server {
  const listener = getRequestListener(fetch, { hostname, errorHandler: adapterErrorResponse })
  // Node's own Host check (requireHostHeader) answers an empty 400: this one answers a problem.
  const server = createServer(
    { requireHostHeader: false },
    (incoming: IncomingMessage, outgoing) => {
      if (incoming.headers.host === undefined && incoming.httpVersion === '1.1') {
        answer(outgoing, MISSING_HOST)
        return
      }
      void listener(incoming, outgoing)
    },
  )
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's default handler (lib/_http_server.js socketOnError): answer only on a socket still
    // open, and not in the middle of a response already under way on it (pipelined requests).
    const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    writeAndClose(socket, parserRefusal(error.code))
  })
  // Without these listeners Node answers an empty 417, and closes a CONNECT without a word.
  server.on('checkExpectation', (_incoming: IncomingMessage, outgoing: ServerResponse) =>
    answer(outgoing, UNEXPECTED_EXPECT),
  )
  server.on('connect', (_incoming: IncomingMessage, socket: Duplex) =>
    writeAndClose(socket, NO_TUNNEL),
  )
  return server
}
