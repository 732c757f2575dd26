/**
 * What a client is told when its request is refused before the app sees it — by Node's HTTP
 * parser, by @hono/node-server, or by the server around them: the problem type, status and French
 * detail of each refusal. Pure: the caller passes what it knows of the server (its header limit,
 * the adapter's message).
 */
import { PROBLEM_TYPES, type ProblemSlug } from '../middleware/problem-types'

export interface Refusal {
  slug: ProblemSlug
  status: number
  detail: string
}

const refusal = (
  slug: ProblemSlug,
  detail: string,
  status: number = PROBLEM_TYPES[slug].status,
): Refusal => ({ slug, status, detail })

/** A size as a reader expects it: `16 Ko` for Node's default, the exact bytes otherwise. */
function size(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} Ko` : `${bytes} octets`
}

const MALFORMED = refusal(
  'malformed-request',
  'La requête n’est pas du HTTP/1.1 lisible (ligne de requête ou en-tête mal formé).',
)

/**
 * Node's parser errors (llhttp's `HPE_*` codes, lib/_http_server.js) as what the client is told.
 * `maxHeaderSize` is the server's limit (node:http's `maxHeaderSize`, which
 * `--max-http-header-size` changes), stated in the detail so it cannot disagree with the server.
 */
export function parserRefusal(code: string | undefined, maxHeaderSize: number): Refusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return refusal(
        'headers-too-large',
        `Les en-têtes de la requête dépassent ${size(maxHeaderSize)} : allégez les cookies ou les jetons envoyés.`,
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

/** Why @hono/node-server could not build the request's URL, from its RequestError's message. */
export function adapterRefusal(message: string): Refusal {
  if (/backslash/i.test(message)) {
    return refusal(
      'malformed-request',
      'Le chemin contient une barre oblique inverse (\\) : encodez-la (%5C) ou retirez-la.',
    )
  }
  if (/host/i.test(message)) {
    return refusal('malformed-request', 'L’en-tête Host n’est pas un nom d’hôte valide.')
  }
  return refusal(
    'malformed-request',
    'Le chemin ou l’en-tête Host ne forment pas une adresse valide (un chemin commence par /, par exemple /v1/opcos).',
  )
}

/** HTTP/1.1 requires Host (RFC 9112 § 3.2); HTTP/1.0 may omit it. */
export const MISSING_HOST = refusal(
  'malformed-request',
  'L’en-tête Host est obligatoire en HTTP/1.1.',
)

export const UNEXPECTED_EXPECT = refusal(
  'http-error',
  'Seule l’attente Expect: 100-continue est prise en charge.',
  417,
)

export const NO_TUNNEL = refusal(
  'http-error',
  'Ce serveur ne sert pas de proxy : CONNECT n’est pas pris en charge.',
  501,
)

/** The app renders its own errors: an error reaching the server is a bug, never detailed. */
export const INTERNAL_ERROR = refusal(
  'internal-error',
  'Une erreur inattendue est survenue. Réessayez dans un instant.',
)
