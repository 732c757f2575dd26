/** Why a booking request or a cancellation failed, in the visitor's words, and the fields the API refused. Pure. */
import type { BookingWords, CommonWords, FormWords, Lang } from '../i18n/translation'
import { ApiError, explain } from '../shared/api-client'

export { explain }

type Words = CommonWords & FormWords & BookingWords

export type Field = 'name' | 'email' | 'phone' | 'company' | 'message'

export const FIELDS: Field[] = ['name', 'email', 'phone', 'company', 'message']

/** The failure as the widget reads it, and the problem's slug (`slot-taken`…) when the API sent one. */
export function readFailure(error: unknown): { failure: ApiError; slug: string | undefined } {
  // A booking calls no upstream: a 502-504 is the service failing, not a company search.
  const failure =
    error instanceof ApiError && error.kind !== 'upstream'
      ? error
      : error instanceof ApiError
        ? new ApiError('server', error.status, error.problem, error.retryAfter)
        : new ApiError('server', null)
  return { failure, slug: /\/problems\/([\w-]+)$/.exec(failure.problem?.type ?? '')?.[1] }
}

/** The messages of the fields a 400 names (`/body/phone`), the API's when in French, else ours. */
export function fieldErrors(
  failure: ApiError,
  lang: Lang,
  t: Words,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  for (const { pointer, detail } of failure.problem?.errors ?? []) {
    const field = /^\/body\/(\w+)$/.exec(pointer)?.[1] as Field
    if (FIELDS.includes(field)) errors[field] = lang === 'fr' ? detail : t.invalid
  }
  return errors
}

/** What the form says when the booking failed for none of its fields: the visitor's data is kept. */
export function failureText(
  failure: ApiError,
  slug: string | undefined,
  lang: Lang,
  t: Words,
): string {
  if (slug === 'idempotency-key-in-flight') return t.inFlight
  if (failure.status === 413) return t.tooLarge
  if (failure.kind === 'rate-limited') {
    const wait = failure.retryAfter ? ` ${t.wait(failure.retryAfter)}` : ''
    return failure.apiDetail(lang) ?? t.tooMany + wait
  }
  return `${explain(failure, lang, t)} ${t.kept}`
}
