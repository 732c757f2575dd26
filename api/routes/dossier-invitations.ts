/**
 * POST /v1/dossiers/:id/invitations — the dossier's trainer (or staff) invites the company's
 * contact: they become a `company` member of the dossier's SIRET, if not one already, following
 * only the dossiers they are invited to (api/domain/dossier-access.ts), and get a single-use link
 * that signs them in on the dossier (`#ganapati-auth=…&ganapati-dossier=<id>`).
 */
import { Hono } from 'hono'
import { insertInvitation } from '../../db/dossiers'
import { findMemberByEmail, insertMember } from '../../db/members'
import { DossierInvitation, DossierParam } from '../contracts/dossiers'
import { invitationMail } from '../domain/member-mail'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import { queueSignInLink, SIGN_IN_LINK_MINUTES } from '../services/sign-in-links'
import { deliverSoon } from './booking-support'
import { iso, json, mustOpen, visibleDossier } from './dossier-support'
import type { DossierRouteOptions } from './dossiers'
import { returnPageOf } from './return-page'

/** Behind the dossier routes' member session (routes/dossiers.ts mounts it). */
export function dossierInvitationRoutes(options: DossierRouteOptions) {
  const { clock } = options
  return new Hono<AppEnv>().post(
    '/:id/invitations',
    validate('param', DossierParam),
    validate('json', DossierInvitation),
    async (c) => {
      const record = await visibleDossier(c, c.req.valid('param').id)
      const member = c.var.session.member
      mustOpen(member, 'invitent le contact d’une entreprise')
      const request = c.req.valid('json')
      const page = returnPageOf(request.returnUrl, options)
      const { dossier } = record
      const email = request.email ?? dossier.companyContactEmail
      const now = clock.now()
      const existing = await findMemberByEmail(c.var.db, email)
      if (
        existing &&
        (existing.role !== 'company' || existing.organisation.siret !== dossier.companySiret)
      ) {
        throw new ProblemError(
          'member-exists',
          `L’adresse ${email} appartient déjà à un membre qui n’est pas un contact de ${dossier.companyName}.`,
        )
      }
      const contact =
        existing ??
        (await insertMember(
          c.var.db,
          {
            email,
            name: request.name,
            role: 'company',
            organisation: { siret: dossier.companySiret, name: dossier.companyName },
          },
          iso(now),
          // Invited by a trainer, not vouched for by Ganapati: this dossier only.
          { organisationWide: false },
        ))
      if (!contact) throw new ProblemError('member-exists', `Un membre a déjà l’adresse ${email}.`)
      await insertInvitation(c.var.db, {
        dossierId: dossier.id,
        memberId: contact.id,
        invitedBy: member.id,
        at: iso(now),
      })
      if (options.sealKey) {
        const mail = invitationMail(
          contact,
          member,
          {
            id: dossier.id,
            reference: dossier.reference,
            title: dossier.training.title,
            companyName: dossier.companyName,
          },
          page,
          SIGN_IN_LINK_MINUTES,
        )
        await queueSignInLink(c.var.db, contact, mail, {
          now,
          sealKey: options.sealKey,
          topic: 'member.invitation',
        })
        deliverSoon(c, options.dispatcher)
      }
      return json({ member: contact, invited: options.sealKey !== null }, 202)
    },
  )
}
