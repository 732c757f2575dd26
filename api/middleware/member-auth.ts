/**
 * Bearer sessions of members (`Authorization: Bearer <sessionToken>`). The token is hashed and the
 * session found by its hash: the database never holds a token that would open a session, and no
 * secret is compared byte by byte. Unknown, expired and revoked sessions get the same 401.
 */
import { createMiddleware } from 'hono/factory'
import { sessionMember } from '../../db/members'
import type { AppEnv } from '../env'
import type { Clock } from '../services/clock'
import { tokenHash } from '../services/secrets'
import { ProblemError } from './problem'

/** The token of an `Authorization: Bearer` header; the scheme is case-insensitive (RFC 9110 § 11.1). */
export const bearerToken = (header: string | undefined) =>
  /^bearer +([A-Za-z0-9_-]{1,100})$/i.exec(header ?? '')?.[1] ?? null

export function memberAuth(clock: Clock) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    const hash = token ? await tokenHash(token) : null
    const member = hash
      ? await sessionMember(c.var.db, hash, new Date(clock.now()).toISOString())
      : null
    if (!hash || !member) {
      throw new ProblemError(
        'session-required',
        'Session absente, expirée ou révoquée : connectez-vous avec le lien reçu par e-mail (en-tête Authorization: Bearer …).',
        { headers: { 'WWW-Authenticate': 'Bearer realm="ganapati"' } },
      )
    }
    c.set('session', { member, tokenHash: hash })
    await next()
  })
}
