/**
 * Bearer-token guard of the admin routes. Only the token's SHA-256 is kept; a presented token is
 * hashed and compared in constant time, so neither the token nor timing leaks.
 */
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from './problem'

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
}

/** Compares equal-length digests without an early exit. */
export function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0)
  return difference === 0
}

export function adminAuth(adminToken: string | undefined): MiddlewareHandler {
  // Hashed once; the plain token is not kept by this closure.
  const expected = adminToken ? sha256(adminToken) : null
  return async (c, next) => {
    const presented = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1]
    if (!expected || !presented || !sameDigest(await sha256(presented), await expected)) {
      throw new ProblemError(
        'unauthorized',
        expected
          ? 'Jeton d’administration absent ou invalide (en-tête Authorization: Bearer …).'
          : 'Les routes d’administration sont désactivées : ADMIN_TOKEN n’est pas configuré.',
        { headers: { 'WWW-Authenticate': 'Bearer realm="ganapati-admin"' } },
      )
    }
    await next()
  }
}
