/**
 * The Node HTTP server in front of the app, answering problem+json to the requests refused before
 * the app sees them — by Node's parser (an oversized header, a garbage request line, a bad
 * Content-Length) or by @hono/node-server (a path or Host it cannot turn into a URL) — where Node
 * and the adapter would answer an empty 400 or 431, or close without a word. What each refusal
 * says is in domain/request-refusals.ts; this writes it on the response or the bare socket.
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
import {
  adapterRefusal,
  INTERNAL_ERROR,
  MISSING_HOST,
  NO_TUNNEL,
  parserRefusal,
  UNEXPECTED_EXPECT,
  type Refusal,
} from '../domain/request-refusals'
import { PROBLEM_HEADERS, problemType, type Problem } from '../middleware/problem'
import { PROBLEM_TYPES } from '../middleware/problem-types'

type FetchCallback = Parameters<typeof getRequestListener>[0]

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
function rawProblemResponse(refused: Refusal): string {
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
    const refused = adapterRefusal(error.message)
    return new Response(problemText(refused), { status: refused.status, headers: PROBLEM_HEADERS })
  }
  // The app renders its own errors; reaching here is a bug: logged, never detailed to the client.
  console.error(error)
  return new Response(problemText(INTERNAL_ERROR), {
    status: INTERNAL_ERROR.status,
    headers: PROBLEM_HEADERS,
  })
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
    writeAndClose(socket, parserRefusal(error.code, maxHeaderSize))
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
