/**
 * /v1/auth — sign-in without passwords or cookies: an e-mailed single-use link
 * (POST /v1/auth/links, always 202), exchanged for a bearer session (POST /v1/auth/sessions),
 * revoked with DELETE /v1/auth/sessions/current.
 */
import { Hono } from 'hono'
import { exchangeAuthLink, findMemberByEmail, revokeSession } from '../../db/members'
import { SessionRequest, SignInLinkRequest, type Session } from '../contracts/members'
import { signInMail } from '../domain/member-mail'
import type { AppEnv } from '../env'
import { memberAuth } from '../middleware/member-auth'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'
import { newSessionToken, queueSignInLink, SIGN_IN_LINK_MINUTES } from '../services/sign-in-links'
import { tokenHash } from '../services/secrets'
import { deliverSoon } from './booking-support'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'
import { returnPageOf } from './return-page'

export interface AuthOptions {
  clock: Clock
  dispatcher: OutboxDispatcher
  publicUrl: () => string
  allowedReturnOrigins: readonly string[]
  /** OUTBOX_SECRET, sealing the link's token while its e-mail waits; null: no e-mail is sent. */
  sealKey: string | null
  log?: (message: string) => void
}

/** The same answer whether or not the address is a member's: no account can be probed. */
const LINK_SENT = JSON.stringify({
  detail: `Si cette adresse est celle d’un membre, un lien de connexion valable ${SIGN_IN_LINK_MINUTES} minutes vient de lui être envoyé.`,
})

export function authRoutes(options: AuthOptions) {
  const { clock } = options
  return new Hono<AppEnv>()
    .post('/links', validate('json', SignInLinkRequest), async (c) => {
      const request = c.req.valid('json')
      const page = returnPageOf(request.returnUrl, options)
      const member = await findMemberByEmail(c.var.db, request.email)
      if (member && options.sealKey) {
        await queueSignInLink(
          c.var.db,
          member,
          signInMail(member, page, SIGN_IN_LINK_MINUTES, request.dossierId ?? null),
          {
            now: clock.now(),
            sealKey: options.sealKey,
            topic: 'member.sign-in',
          },
        )
        deliverSoon(c, options.dispatcher)
      } else if (member) {
        options.log?.('sign-in link not sent: e-mail is not configured')
      }
      return jsonResponse(LINK_SENT, NO_STORE_HEADERS, 202)
    })
    .post('/sessions', validate('json', SessionRequest), async (c) => {
      const now = clock.now()
      const session = await newSessionToken(now)
      const linkHash = await tokenHash(c.req.valid('json').token)
      const member = await exchangeAuthLink(c.var.db, linkHash, session)
      if (!member) {
        throw new ProblemError(
          'sign-in-link-invalid',
          `Ce lien de connexion est inconnu, déjà utilisé ou expiré (il vaut ${SIGN_IN_LINK_MINUTES} minutes) : demandez-en un nouveau.`,
        )
      }
      const body: Session = {
        sessionToken: session.sessionToken,
        expiresAt: session.expiresAt,
        member,
      }
      return jsonResponse(JSON.stringify(body), NO_STORE_HEADERS, 201)
    })
    .get('/sessions/current', memberAuth(clock), (c) =>
      jsonResponse(JSON.stringify({ member: c.var.session.member }), NO_STORE_HEADERS),
    )
    .delete('/sessions/current', memberAuth(clock), async (c) => {
      await revokeSession(c.var.db, c.var.session.tokenHash, new Date(clock.now()).toISOString())
      return new Response(null, { status: 204, headers: NO_STORE_HEADERS })
    })
}
