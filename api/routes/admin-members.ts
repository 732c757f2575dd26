/**
 * GET and POST /v1/admin/members, POST /v1/admin/members/:id/sessions — members created by Ganapati,
 * and sessions minted for them by a partner's back-end or a test. Behind the admin token (app.ts).
 */
import { Hono } from 'hono'
import { findMember, insertMember, listMembers } from '../../db/members'
import { MemberListQuery, MemberParam, NewMember } from '../contracts/members'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import { openSession } from '../services/sign-in-links'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

export function adminMemberRoutes(clock: Clock) {
  return (
    new Hono<AppEnv>()
      // Staff opening a dossier for a trainer finds the trainer's id here.
      .get('/members', validate('query', MemberListQuery), async (c) =>
        jsonResponse(
          JSON.stringify({ items: await listMembers(c.var.db, c.req.valid('query')) }),
          NO_STORE_HEADERS,
        ),
      )
      .post('/members', validate('json', NewMember), async (c) => {
        const request = c.req.valid('json')
        const member = await insertMember(c.var.db, request, new Date(clock.now()).toISOString())
        if (!member) {
          throw new ProblemError('member-exists', `Un membre a déjà l’adresse ${request.email}.`)
        }
        return jsonResponse(JSON.stringify(member), NO_STORE_HEADERS, 201)
      })
      .post('/members/:id/sessions', validate('param', MemberParam), async (c) => {
        const member = await findMember(c.var.db, c.req.valid('param').id)
        if (!member) throw new ProblemError('unknown-member', 'Aucun membre avec cet identifiant.')
        const session = await openSession(c.var.db, member, clock.now())
        return jsonResponse(JSON.stringify(session), NO_STORE_HEADERS, 201)
      })
  )
}
