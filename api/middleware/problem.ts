/** RFC 9457 problem details: the one error shape of the API, thrown as ProblemError and rendered by onError / notFound. */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isDatabaseBusy } from '../../db/database-busy'
import { frenchTypography } from '../domain/french-typography'
import { PROBLEM_TYPES, type ProblemSlug } from './problem-types'
import { API_HEADERS } from './response-headers'

export interface FieldError {
  /** JSON pointer (RFC 6901) to the offending input, e.g. `/query/q` or `/params/idcc`. */
  pointer: string
  detail: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  errors?: FieldError[]
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** Every problem answer, wherever it is written: an error is about one request, never to be cached. */
export const PROBLEM_HEADERS = {
  ...API_HEADERS,
  'Content-Type': PROBLEM_CONTENT_TYPE,
  'Cache-Control': 'no-store',
}

/** A backup or an import holds the lock for seconds, not minutes. */
const DATABASE_BUSY_RETRY_SECONDS = 2

/** An error answered as problem+json; its status and title come from the type's entry in PROBLEM_TYPES. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode
  readonly slug: ProblemSlug
  readonly title: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string>

  constructor(
    slug: ProblemSlug,
    detail: string,
    options: {
      errors?: FieldError[]
      headers?: Record<string, string>
      status?: ContentfulStatusCode
    } = {},
  ) {
    super(detail)
    this.name = 'ProblemError'
    this.slug = slug
    this.status = options.status ?? PROBLEM_TYPES[slug].status
    this.title = PROBLEM_TYPES[slug].title
    this.errors = options.errors
    this.headers = options.headers ?? {}
  }
}

/** Each type resolves to its documentation (routes/problems.ts) and is listed in README.md. */
export function problemType(slug: string): string {
  return `/problems/${slug}`
}

export function problemResponse(c: Context, error: ProblemError): Response {
  const body: Problem = {
    type: problemType(error.slug),
    title: error.title,
    status: error.status,
    // Details are French, and the widgets show them to French visitors as they come.
    detail: frenchTypography(error.message),
    instance: new URL(c.req.url).pathname,
    ...(error.errors
      ? {
          errors: error.errors.map((field) => ({
            ...field,
            detail: frenchTypography(field.detail),
          })),
        }
      : {}),
  }
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { ...PROBLEM_HEADERS, ...error.headers },
  })
}

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof ProblemError) return problemResponse(c, error)
  if (error instanceof HTTPException) {
    return problemResponse(
      c,
      new ProblemError('http-error', error.message || 'La requête a été refusée.', {
        status: error.status as ContentfulStatusCode,
      }),
    )
  }
  // The lock outlasted the wait (db/file-client.ts): the write was rolled back whole, so a retry is safe.
  if (isDatabaseBusy(error)) {
    return problemResponse(
      c,
      new ProblemError(
        'database-busy',
        'La base de données est momentanément verrouillée ; rien n’a été enregistré. Réessayez dans un instant.',
        { headers: { 'Retry-After': String(DATABASE_BUSY_RETRY_SECONDS) } },
      ),
    )
  }
  // Unknown failure: log it server-side, never send a stack trace.
  console.error(error)
  return problemResponse(
    c,
    new ProblemError(
      'internal-error',
      'Une erreur inattendue est survenue. Réessayez dans un instant.',
    ),
  )
}

export const notFound: NotFoundHandler = (c) =>
  problemResponse(
    c,
    new ProblemError('not-found', `Aucune ressource à l'adresse ${new URL(c.req.url).pathname}.`),
  )
