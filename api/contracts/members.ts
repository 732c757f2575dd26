/** Public contract of members and sign-in: who a member is, how a link is asked for and exchanged for a session. */
import { z } from 'zod'
import { singleLine } from './text-fields'

/** `staff`: Ganapati; `trainer`: an independent trainer or a training body; `company`: a client's contact. */
export const MEMBER_ROLES = ['staff', 'trainer', 'company'] as const
export const MemberRole = z.enum(MEMBER_ROLES)
export type MemberRole = z.infer<typeof MemberRole>

export const Siret = z.string().regex(/^\d{14}$/, 'Un SIRET a 14 chiffres.')

export const Email = z
  .email({ message: 'Une adresse e-mail, par exemple nom@entreprise.fr.' })
  .max(254, 'Au plus 254 caractères.')
  .transform((email) => email.toLowerCase())

const Name = singleLine(
  z.string().trim().min(1, 'Obligatoire.').max(200, 'Au plus 200 caractères.'),
)

export const Organisation = z.strictObject({ siret: Siret, name: Name })
export type Organisation = z.infer<typeof Organisation>

export const Member = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: MemberRole,
  organisation: Organisation,
  /** A company contact made by Ganapati follows all its organisation's dossiers; an invited one, those it was invited to. */
  organisationWide: z.boolean(),
})
export type Member = z.infer<typeof Member>

/** POST /v1/admin/members. */
export const NewMember = z.strictObject({
  email: Email,
  name: Name,
  role: MemberRole,
  organisation: Organisation,
})
export type NewMember = z.infer<typeof NewMember>

/** GET /v1/admin/members: by role, by organisation. */
export const MemberListQuery = z.strictObject({
  role: MemberRole.optional(),
  siret: Siret.optional(),
})

/** `:id` of a member: a random UUID. */
export const MemberParam = z.object({ id: z.uuid({ message: 'Un identifiant de membre (UUID).' }) })

/** POST /v1/auth/links: where the e-mailed link leads back to (a page embedding the tracker). */
export const SignInLinkRequest = z.strictObject({
  email: Email,
  returnUrl: z.url({ message: 'Une adresse https de la page où revenir.' }).max(2000),
  /** A dossier the link opens once signed in (`#…&ganapati-dossier=<id>`); whether the member may see it is checked when it is read. */
  dossierId: z.uuid({ message: 'Un identifiant de dossier (UUID).' }).optional(),
})

/** A sign-in or session token: 256 random bits, base64url. */
const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Un jeton reçu par e-mail (43 caractères).')

/** POST /v1/auth/sessions: the token the link carried in its fragment. */
export const SessionRequest = z.strictObject({ token: Token })

/** A bearer session: `Authorization: Bearer <sessionToken>` until `expiresAt`. */
export const Session = z.object({
  sessionToken: z.string(),
  expiresAt: z.string(),
  member: Member,
})
export type Session = z.infer<typeof Session>
