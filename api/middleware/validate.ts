/** zod validation of params, query and body, answering a 400 problem+json whose `errors[]` point at each bad field. */
import type { ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import { z } from 'zod'
import { ProblemError, type FieldError } from './problem'

const POINTER_ROOT: Record<keyof ValidationTargets, string> = {
  param: '/params',
  query: '/query',
  json: '/body',
  form: '/body',
  header: '/headers',
  cookie: '/cookies',
}

function escapePointer(segment: PropertyKey): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
}

export function fieldErrors(
  target: keyof ValidationTargets,
  issues: z.core.$ZodIssue[],
): FieldError[] {
  const pointer = (path: PropertyKey[]) =>
    [POINTER_ROOT[target], ...path.map(escapePointer)].join('/')
  return issues.flatMap((issue) =>
    // A field the schema does not know: point at the field itself, not at its parent.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          pointer: pointer([...issue.path, key]),
          detail: `Champ inconnu : ${key}.`,
        }))
      : [{ pointer: pointer(issue.path), detail: issue.message }],
  )
}

/** zod's own messages (for checks our schemas leave unworded) in French, per parse: no global config. */
const FRENCH = z.locales.fr().localeError

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  // Synchronous on purpose: no schema of ours refines asynchronously, and it spares a promise per request.
  return validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value, { error: FRENCH })
    if (result.success) return result.data
    const errors = fieldErrors(target, result.error.issues)
    throw new ProblemError('validation-error', errors.map((error) => error.detail).join(' '), {
      errors,
    })
  })
}
