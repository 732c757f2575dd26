/** zod validation of params, query and body, answering a 400 problem+json whose `errors[]` point at each bad field. */
import type { ValidationTargets } from 'hono'
import { HTTPException } from 'hono/http-exception'
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

const NOT_JSON = 'Le corps de la requête n’est pas du JSON valide.'

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  // Synchronous on purpose: no schema of ours refines asynchronously, and it spares a promise per request.
  const validating = validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value, { error: FRENCH })
    if (result.success) return result.data
    const errors = fieldErrors(target, result.error.issues)
    throw new ProblemError('validation-error', errors.map((error) => error.detail).join(' '), {
      errors,
    })
  })
  if (target !== 'json') return validating
  // Hono's json validator answers a body that does not parse with an HTTPException in English: the
  // only one it throws, and before the route runs. Caught there, it becomes our French problem;
  // once the route has been handed the request, whatever it throws passes through untouched.
  const validatingJson: typeof validating = async (c, next) => {
    let handedOver = false
    try {
      return await validating(c, () => {
        handedOver = true
        return next()
      })
    } catch (error) {
      if (handedOver || !(error instanceof HTTPException) || error.status !== 400) throw error
      throw new ProblemError('validation-error', NOT_JSON, {
        errors: [{ pointer: '/body', detail: NOT_JSON }],
      })
    }
  }
  return validatingJson
}
