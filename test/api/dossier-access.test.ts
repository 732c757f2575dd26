// Property: with random members, dossiers and requests, no member ever reads or changes a dossier
// outside what the issue allows (a trainer their own, a company contact its SIRET's, staff all).
// The oracle below is written from the issue, not from api/domain/dossier-access.ts.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DOSSIER_EVENT_TYPES,
  type DossierDetail,
  type DossierList,
} from '../../api/contracts/dossiers'
import { dossierEvents, members, outbox } from '../../db/schema'
import { startFakeCompanyDirectory, type FakeCompanyDirectory } from '../fakes/company-directory'
import {
  CONSULTING,
  createDossierApp,
  HOTEL,
  newDossier,
  ADMIN_TOKEN,
  PARTNER,
  siretFrom,
  type DossierApp,
} from '../support/dossier-app'

const CLEANING = { siret: siretFrom('8888888800001'), name: 'NET ET PROPRE', idcc: ['3043'] }
const COMPANIES = [HOTEL, CONSULTING, CLEANING]
const TRAINING_BODY = siretFrom('3333333300001')

let directory: FakeCompanyDirectory
beforeAll(async () => {
  directory = await startFakeCompanyDirectory()
  for (const company of COMPANIES) directory.add(company)
})
afterAll(() => directory.close())

/** Facts each step needs, so a refusal is about access, never about the body. */
const EXTRA: Record<string, Record<string, unknown>> = {
  pec_received: { decision: 'accepted' },
  training_completed: { hoursDone: 7 },
  payment_received: { payer: 'opco', amountCents: 100 },
  cancelled: { reason: 'Essai' },
}

type Role = 'staff' | 'trainer' | 'company'
interface Person {
  id: string
  role: Role
  siret: string
  token: string
  /** An invited contact follows only these dossiers; null: the whole organisation's. */
  invitedTo: string[] | null
}
interface Opened {
  id: string
  reference: string
  trainerId: string
  companySiret: string
}

/** What the issue says a member sees; a contact a trainer invited, only what it was invited to. */
const sees = (member: Person, dossier: Opened) =>
  member.role === 'staff' ||
  (member.role === 'trainer' && dossier.trainerId === member.id) ||
  (member.role === 'company' &&
    dossier.companySiret === member.siret &&
    (member.invitedTo === null || member.invitedTo.includes(dossier.id)))

const world = fc.record({
  people: fc.array(
    fc.record({ role: fc.constantFrom<Role>('staff', 'trainer', 'company'), company: fc.nat(2) }),
    { minLength: 1, maxLength: 6 },
  ),
  dossiers: fc.array(fc.record({ trainer: fc.nat(), company: fc.nat(2) }), {
    minLength: 1,
    maxLength: 4,
  }),
  /** Contacts the dossiers' trainers invite, who then act too. */
  invitations: fc.array(fc.nat(), { maxLength: 2 }),
  requests: fc.array(
    fc.record({
      member: fc.nat(),
      dossier: fc.nat(),
      route: fc.constantFrom('read', 'event', 'invite', 'list'),
      event: fc.constantFrom(...DOSSIER_EVENT_TYPES.filter((type) => type !== 'session_validated')),
      version: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 4, maxLength: 20 },
  ),
})

async function counts(t: DossierApp) {
  const [events, queued, people] = await Promise.all([
    t.db.select().from(dossierEvents),
    t.db.select().from(outbox),
    t.db.select().from(members),
  ])
  return { events: events.length, queued: queued.length, people: people.length }
}

describe('access to dossiers', () => {
  it(
    'has 0 cross-member reads or writes over random members, dossiers and requests',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(world, async (plan) => {
          const t = await createDossierApp({ directory })
          // Every dossier needs a trainer: the first person is one.
          const roles: Role[] = ['trainer', ...plan.people.map((person) => person.role)]
          const people: Person[] = []
          for (const [index, role] of roles.entries()) {
            const siret =
              role === 'company'
                ? COMPANIES[plan.people[index - 1]?.company ?? 0]!.siret
                : TRAINING_BODY
            const member = await t.member(role, { siret })
            people.push({ id: member.id, role, siret, token: member.token, invitedTo: null })
          }
          const trainers = people.filter((person) => person.role === 'trainer')
          const dossiers: Opened[] = []
          for (const spec of plan.dossiers) {
            const trainer = trainers[spec.trainer % trainers.length]!
            const company = COMPANIES[spec.company]!
            const response = await t.send(
              'POST',
              '/v1/dossiers',
              newDossier({
                company: { siret: company.siret, contactEmail: `rh${dossiers.length}@ex.fr` },
              }),
              trainer.token,
            )
            expect(response.status).toBe(201)
            const body = (await response.json()) as DossierDetail
            dossiers.push({
              id: body.id,
              reference: body.reference,
              trainerId: trainer.id,
              companySiret: company.siret,
            })
          }

          for (const [index, which] of plan.invitations.entries()) {
            const dossier = dossiers[which % dossiers.length]!
            const inviter = trainers.find((trainer) => trainer.id === dossier.trainerId)!
            const invited = await t.send(
              'POST',
              `/v1/dossiers/${dossier.id}/invitations`,
              { name: 'Invité', email: `invite${index}@ex.fr`, returnUrl: `${PARTNER}/dossiers` },
              inviter.token,
            )
            expect(invited.status).toBe(202)
            const { member } = (await invited.json()) as { member: { id: string } }
            const minted = await t.send(
              'POST',
              `/v1/admin/members/${member.id}/sessions`,
              undefined,
              ADMIN_TOKEN,
            )
            const { sessionToken } = (await minted.json()) as { sessionToken: string }
            people.push({
              id: member.id,
              role: 'company',
              siret: dossier.companySiret,
              token: sessionToken,
              invitedTo: [dossier.id],
            })
          }

          for (const request of plan.requests) {
            const member = people[request.member % people.length]!
            const dossier = dossiers[request.dossier % dossiers.length]!
            const visible = sees(member, dossier)
            const before = await counts(t)
            const path = `/v1/dossiers/${dossier.id}`
            let response: Response
            if (request.route === 'list') {
              response = await t.send('GET', '/v1/dossiers?pageSize=100', undefined, member.token)
              expect(response.status).toBe(200)
              const list = (await response.json()) as DossierList
              const shown = new Set(list.items.map((item) => item.id))
              expect([...shown].sort()).toEqual(
                dossiers
                  .filter((each) => sees(member, each))
                  .map((each) => each.id)
                  .sort(),
              )
              continue
            }
            if (request.route === 'read') {
              response = await t.send('GET', path, undefined, member.token)
              expect(response.status).toBe(visible ? 200 : 404)
            } else if (request.route === 'event') {
              response = await t.send(
                'POST',
                `${path}/events`,
                { type: request.event, expectedVersion: request.version, ...EXTRA[request.event] },
                member.token,
              )
              expect(visible ? [201, 403, 409, 412] : [404]).toContain(response.status)
            } else {
              response = await t.send(
                'POST',
                `${path}/invitations`,
                { name: 'Contact', returnUrl: `${PARTNER}/dossiers` },
                member.token,
              )
              const allowed = member.role === 'company' ? [403] : [202, 409]
              expect(visible ? allowed : [404]).toContain(response.status)
            }
            const text = await response.text()
            if (!visible) {
              // Nothing learnt, nothing changed.
              expect(text).not.toContain(dossier.reference)
              expect(await counts(t)).toEqual(before)
            } else if (response.status >= 400) {
              expect(await counts(t)).toEqual(before)
            }
          }
          t.client.close()
        }),
        { numRuns: 30 },
      )
    },
  )
})
