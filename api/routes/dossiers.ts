/**
 * /v1/dossiers — the training files a member may see (api/domain/dossier-access.ts), behind a bearer
 * session: POST / opens one (trainer or staff; the company found with the finder's own lookup),
 * GET / lists them by who is awaited, GET /:id answers one with its timeline and next action,
 * POST /:id/events records a step of the workflow table; POST /:id/invitations is mounted from
 * routes/dossier-invitations.ts. A dossier outside the caller's scope is a 404, and a refused
 * request changes nothing.
 */
import { Hono, type Context } from 'hono'
import {
  appendEvent,
  insertDossier,
  visibleDossiers,
  type DossierEvent,
  type DossierRecord,
} from '../../db/dossiers'
import { findMember } from '../../db/members'
import {
  DossierEventRequest,
  DossierListQuery,
  DossierParam,
  NewDossier,
  type DossierDetail,
  type DossierList,
} from '../contracts/dossiers'
import type { Member } from '../contracts/members'
import type { OpcoId } from '../contracts/opcos'
import { parseCompanyId } from '../domain/company-id'
import { answerCompany } from '../domain/company-opco'
import { scopeOf } from '../domain/dossier-access'
import type { ServiceLevels } from '../domain/dossier-deadlines'
import {
  dossierView,
  listPage,
  stateOf,
  timelineOf,
  factsOfRecord,
  type ViewContext,
} from '../domain/dossier-view'
import { checkStep } from '../domain/dossier-workflow'
import type { AppEnv } from '../env'
import { maxBodySize } from '../middleware/body-size'
import { memberAuth } from '../middleware/member-auth'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import { dossierEventRows, dossierOpco } from '../services/dossier-notifications'
import { idempotency } from '../middleware/idempotency'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'
import type { CompanyDirectory } from '../services/recherche-entreprises'
import { deliverSoon } from './booking-support'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'
import { dossierInvitationRoutes } from './dossier-invitations'
import { fieldProblem, iso, json, mustOpen, opcoOf, visibleDossier } from './dossier-support'
import { managePage } from '../domain/manage-link'

/** A dossier with 200 trainees and long notes stays well under this. */
const MAX_BODY_BYTES = 64 * 1024

export interface DossierRouteOptions {
  clock: Clock
  dispatcher: OutboxDispatcher
  companies: CompanyDirectory
  publicUrl: () => string
  allowedReturnOrigins: readonly string[]
  /** OUTBOX_SECRET when e-mail is configured; null: webhooks only, no e-mail, no invitation link. */
  sealKey: string | null
  levels: ServiceLevels
}

/**
 * The tracker's page the dossier's e-mails link back to, when its origin is PUBLIC_URL's or an
 * allowed one; null (PUBLIC_URL's page) otherwise, so an e-mail never leads to an unknown site.
 */
function trackerPage(
  pageUrl: string | undefined,
  options: { publicUrl: () => string; allowedReturnOrigins: readonly string[] },
): string | null {
  const publicUrl = options.publicUrl()
  const page = managePage(pageUrl, publicUrl, options.allowedReturnOrigins)
  return page === new URL('/', publicUrl).href ? null : page
}

/** Crockford's base32 without I, L, O, U: a session number read aloud or typed is not misread. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** `GAN-2026-7K3QXB`: the year the session was validated and 30 random bits. */
function newReference(now: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  const code = [...bytes].map((byte) => REFERENCE_ALPHABET[byte % 32]).join('')
  return `GAN-${new Date(now).getUTCFullYear()}-${code}`
}

export function dossierRoutes(options: DossierRouteOptions) {
  const { clock } = options

  const viewContext = async (c: Context<AppEnv>): Promise<ViewContext> => {
    const catalog = await c.var.catalog()
    return {
      role: c.var.session.member.role,
      levels: options.levels,
      now: clock.now(),
      opco: (id) => dossierOpco(id, catalog.opcos.get(id as OpcoId)),
    }
  }

  const detail = async (c: Context<AppEnv>, record: DossierRecord): Promise<DossierDetail> => ({
    ...dossierView(record, await viewContext(c)),
    timeline: timelineOf(record),
  })

  /** The trainer the dossier is for: the caller, or the one staff names. */
  const trainerOf = async (c: Context<AppEnv>, trainerId: string | undefined): Promise<Member> => {
    const member = c.var.session.member
    if (member.role === 'trainer') {
      if (trainerId && trainerId !== member.id) {
        throw fieldProblem(
          '/body/trainerId',
          'Un formateur ouvre ses propres dossiers : retirez trainerId.',
        )
      }
      return member
    }
    const trainer = trainerId ? await findMember(c.var.db, trainerId) : null
    if (trainer?.role !== 'trainer') {
      throw fieldProblem(
        '/body/trainerId',
        'Indiquez l’identifiant du formateur (trainerId) à qui revient ce dossier.',
      )
    }
    return trainer
  }

  return new Hono<AppEnv>()
    .use(memberAuth(clock))
    .post(
      '/',
      maxBodySize(MAX_BODY_BYTES),
      // A retried « Valider une session » opens one dossier; keys are the member's own.
      idempotency({
        clock,
        db: (c) => c.var.db,
        scope: (c) => `member ${(c as Context<AppEnv>).var.session.member.id}`,
      }),
      validate('json', NewDossier),
      async (c) => {
        const request = c.req.valid('json')
        const member = c.var.session.member
        mustOpen(member, 'ouvrent un dossier')
        const trainer = await trainerOf(c, request.trainerId)
        const id = parseCompanyId(request.company.siret)
        if (typeof id === 'string' || id.kind !== 'siret') {
          throw fieldProblem(
            '/body/company/siret',
            `${request.company.siret} n'est pas un numéro SIRET valide (clé de contrôle incorrecte) : vérifiez les chiffres.`,
          )
        }
        const [found, catalog] = await Promise.all([
          options.companies.findCompany(id),
          c.var.catalog(),
        ])
        const company = found ? answerCompany(found, id.siret, catalog) : null
        if (!company) {
          throw new ProblemError(
            'unknown-company',
            `Aucune entreprise trouvée pour le SIRET ${id.siret} dans l'annuaire des entreprises.`,
          )
        }
        const opcoId = request.opcoId ?? company.opco?.id
        if (!opcoId) {
          throw fieldProblem(
            '/body/opcoId',
            `L'OPCO de ${company.name} ne se déduit pas de sa convention collective : précisez opcoId.`,
          )
        }
        const now = clock.now()
        const at = iso(now)
        const dossier = {
          id: crypto.randomUUID(),
          reference: newReference(now),
          trainerId: trainer.id,
          companySiret: id.siret,
          companyName: company.name,
          companyIdcc: company.idcc,
          companyContactEmail: request.company.contactEmail,
          opcoId,
          training: request.training,
          trainees: request.trainees,
          priceCents: request.priceCents,
          fundingMode: request.fundingMode,
          simulationId: request.simulationId ?? null,
          pageUrl: trackerPage(request.pageUrl, options),
          version: 1,
          createdAt: at,
        }
        const first: DossierEvent = {
          dossierId: dossier.id,
          sequence: 1,
          type: 'session_validated',
          state: 'session_validated',
          at,
          actorId: member.id,
          actorRole: member.role,
          actorName: member.name,
          note: null,
          data: request.opcoId ? { opcoOverride: request.opcoId } : {},
          documents: [],
        }
        const record: DossierRecord = {
          dossier,
          trainerName: trainer.name,
          invited: [],
          events: [first],
          reminders: [],
        }
        const view = await detail(c, record)
        const rows = await dossierEventRows(
          {
            dossier,
            event: first,
            opco: await opcoOf(c, opcoId),
            trainer,
            next: view.nextAction,
            publicUrl: options.publicUrl(),
          },
          options.sealKey !== null,
        )
        await insertDossier(c.var.db, dossier, first, rows)
        deliverSoon(c, options.dispatcher)
        return jsonResponse(
          JSON.stringify(view),
          {
            ...NO_STORE_HEADERS,
            Location: new URL(`/v1/dossiers/${dossier.id}`, options.publicUrl()).href,
          },
          201,
        )
      },
    )
    .get('/', validate('query', DossierListQuery), async (c) => {
      const query = c.req.valid('query')
      const records = await visibleDossiers(c.var.db, scopeOf(c.var.session.member))
      const context = await viewContext(c)
      const page = listPage(
        records.map((record) => dossierView(record, context)),
        query,
        context.role,
      )
      const body: DossierList = { ...page, page: query.page, pageSize: query.pageSize }
      return json(body)
    })
    .get('/:id', validate('param', DossierParam), async (c) =>
      json(await detail(c, await visibleDossier(c, c.req.valid('param').id))),
    )
    .post(
      '/:id/events',
      maxBodySize(MAX_BODY_BYTES),
      validate('param', DossierParam),
      validate('json', DossierEventRequest),
      async (c) => {
        const record = await visibleDossier(c, c.req.valid('param').id)
        const { type, expectedVersion, note, documents, ...data } = c.req.valid('json')
        const { dossier } = record
        if (expectedVersion !== dossier.version) {
          throw new ProblemError(
            'stale-version',
            `Le dossier a changé depuis votre lecture : il est à la version ${dossier.version}, pas ${expectedVersion}. Relisez-le avant d’agir.`,
          )
        }
        const member = c.var.session.member
        const state = stateOf(record)
        const check = checkStep(state, factsOfRecord(record), type, member.role)
        if (!check.ok && check.refusal === 'state') {
          throw new ProblemError(
            'step-not-allowed',
            `« ${type} » n’est pas possible depuis l’état « ${state} ». Étapes possibles : ${check.allowed.length > 0 ? check.allowed.join(', ') : 'aucune'}.`,
          )
        }
        if (!check.ok) {
          throw new ProblemError(
            'step-not-yours',
            `L’étape « ${type} » revient à : ${check.roles.join(', ')}.`,
          )
        }
        const event: DossierEvent = {
          dossierId: dossier.id,
          sequence: expectedVersion + 1,
          type,
          state: check.to,
          at: iso(clock.now()),
          actorId: member.id,
          actorRole: member.role,
          actorName: member.name,
          note: note || null,
          data,
          documents: documents ?? [],
        }
        const after: DossierRecord = {
          ...record,
          dossier: { ...dossier, version: event.sequence },
          events: [...record.events, event],
        }
        const view = await detail(c, after)
        const trainer = await findMember(c.var.db, dossier.trainerId)
        if (!trainer) throw new Error(`dossier ${dossier.id} has no trainer ${dossier.trainerId}`)
        const rows = await dossierEventRows(
          {
            dossier: after.dossier,
            event,
            opco: await opcoOf(c, dossier.opcoId),
            trainer,
            next: view.nextAction,
            publicUrl: options.publicUrl(),
          },
          options.sealKey !== null,
        )
        if (!(await appendEvent(c.var.db, event, expectedVersion, rows))) {
          throw new ProblemError(
            'stale-version',
            'Le dossier vient d’être modifié par quelqu’un d’autre : relisez-le avant d’agir.',
          )
        }
        deliverSoon(c, options.dispatcher)
        return json(view, 201)
      },
    )
    .route('/', dossierInvitationRoutes(options))
}
