/** The page a sign-in link returns to, or a 400 naming the origins allowed. */
import { allowedReturnPage } from '../domain/sign-in-link'
import { ProblemError } from '../middleware/problem'

export function returnPageOf(
  returnUrl: string,
  options: { publicUrl: () => string; allowedReturnOrigins: readonly string[] },
): string {
  const publicUrl = options.publicUrl()
  const page = allowedReturnPage(returnUrl, publicUrl, options.allowedReturnOrigins)
  if (page) return page
  const origins = [new URL(publicUrl).origin, ...options.allowedReturnOrigins].join(', ')
  const detail = `returnUrl doit être une adresse https d’une origine autorisée (${origins}).`
  throw new ProblemError('validation-error', detail, {
    errors: [{ pointer: '/body/returnUrl', detail }],
  })
}
