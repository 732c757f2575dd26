/**
 * Bearer-token guard of the admin routes. Only the token's SHA-256 is kept; a presented token is
 * hashed and compared in constant time, so neither the token nor timing leaks.
 */
import type { MiddlewareHandler } from 'hono'
import { sameDigest, sha256 } from '../services/secrets'
import { ProblemError } from './problem'

export function adminAuth(adminToken: string | undefined): MiddlewareHandler {
  // Hashed once; the plain token is not kept by this closure.
  const expected = adminToken ? sha256(adminToken) : null
  return async (c, next) => {
    // The scheme is case-insensitive and followed by one or more spaces (RFC 9110 § 11.1, § 11.4).
    const presented = /^bearer +(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
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
