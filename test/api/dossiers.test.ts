// The dossier workflow over the real app and libSQL: one dossier walked through every state by three
// real sessions (trainer, company, staff), the refused-PEC and cancellation branches, every refusal
// (other member, wrong role, wrong state, stale version) leaving the dossier as it was, the list
// filters, the invitation of the company's contact, the e-mails on a real SMTP server and the signed
// webhooks in order.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DossierDetail, DossierList } from '../../api/contracts/dossiers'
import { AUTH_FRAGMENT, DOSSIER_FRAGMENT } from '../../api/domain/sign-in-link'
import { dossierEvents, outbox } from '../../db/schema'
import { startFakeCompanyDirectory, type FakeCompanyDirectory } from '../fakes/company-directory'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import {
  startFakeWebhookReceiver,
  verifyStandardWebhook,
  type FakeWebhookReceiver,
} from '../fakes/webhook-receiver'
import {
  CONSULTING,
  createDossierApp,
  HOTEL,
  newDossier,
  PARTNER,
  WEBHOOK_SECRET,
  type DossierApp,
} from '../support/dossier-app'
import { readMail } from '../support/mail'

let smtp: FakeSmtpServer
let receiver: FakeWebhookReceiver
let directory: FakeCompanyDirectory
beforeAll(async () => {
  ;[smtp, receiver, directory] = await Promise.all([
    startFakeSmtpServer(),
    startFakeWebhookReceiver(),
    startFakeCompanyDirectory(),
  ])
  directory.add(HOTEL)
  directory.add(CONSULTING)
})
afterAll(async () => {
  await Promise.all([smtp.close(), receiver.close(), directory.close()])
})
beforeEach(() => {
  smtp.messages.length = 0
  receiver.requests.length = 0
})

type Actor = Awaited<ReturnType<DossierApp['member']>>

async function cast(t: DossierApp) {
  const trainer = await t.member('trainer', {
    name: 'Claire Martin',
    email: 'claire@formation-martin.example',
  })
  const company = await t.member('company', {
    name: 'Sophie RH',
    email: 'rh@hotel-du-port.example',
    siret: HOTEL.siret,
  })
  const staff = await t.member('staff', {
    name: 'Équipe Ganapati',
    email: 'equipe@ganapati.example',
  })
  return { trainer, company, staff }
}

async function open(t: DossierApp, by: Actor, overrides: Record<string, unknown> = {}) {
  const response = await t.send('POST', '/v1/dossiers', newDossier(overrides), by.token)
  expect(response.status).toBe(201)
  return (await response.json()) as DossierDetail
}

async function step(
  t: DossierApp,
  by: Actor,
  dossier: { id: string; version: number },
  type: string,
  extra: Record<string, unknown> = {},
) {
  return t.send(
    'POST',
    `/v1/dossiers/${dossier.id}/events`,
    { type, expectedVersion: dossier.version, ...extra },
    by.token,
  )
}

/** Records a step that must succeed; the dossier after it. */
async function advance(
  t: DossierApp,
  by: Actor,
  dossier: { id: string; version: number },
  type: string,
  extra: Record<string, unknown> = {},
) {
  const response = await step(t, by, dossier, type, extra)
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as DossierDetail
}

async function read(t: DossierApp, by: Actor, id: string) {
  return t.send('GET', `/v1/dossiers/${id}`, undefined, by.token)
}

describe('POST /v1/dossiers', () => {
  it('opens a dossier with the company’s name, IDCC and OPCO from the finder’s lookup', async () => {
    const t = await createDossierApp({ smtp, receiver, directory })
    const { trainer } = await cast(t)
    const dossier = await open(t, trainer)
    expect(dossier).toMatchObject({
      reference: expect.stringMatching(/^GAN-2026-[0-9A-Z]{6}$/),
      state: 'session_validated',
      version: 1,
      trainer: { id: trainer.id, name: 'Claire Martin' },
      company: { siret: HOTEL.siret, name: 'HÔTEL DU PORT', idcc: '1979' },
      opco: { id: 'akto', name: 'AKTO' },
      priceCents: 189000,
      fundingMode: 'subrogation',
      allowedEvents: ['cancelled'],
      nextAction: { actor: 'staff', late: false },
      timeline: [{ type: 'session_validated', actor: { role: 'trainer', name: 'Claire Martin' } }],
    })
  })

  it('opens one dossier for a retried request with the same Idempotency-Key, per member', async () => {
    const t = await createDossierApp({ directory })
    const { trainer } = await cast(t)
    const other = await t.member('trainer')
    const post = (token: string) =>
      t.app.request('/v1/dossiers', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': 'valider-session-1',
        },
        body: JSON.stringify(newDossier()),
      })
    const first = await post(trainer.token)
    const again = await post(trainer.token)
    expect([first.status, again.status]).toEqual([201, 201])
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(await first.json())
    // Another member's key is another key.
    expect((await post(other.token)).headers.get('idempotent-replayed')).toBeNull()
    expect(await t.db.select().from(dossierEvents)).toHaveLength(2)
  })

  it('takes an opcoId over the convention’s OPCO', async () => {
    const t = await createDossierApp({ directory })
    const { trainer } = await cast(t)
    const dossier = await open(t, trainer, { opcoId: 'opco-ep' })
    expect(dossier.opco.id).toBe('opco-ep')
  })

  it.each([
    [
      'a SIRET whose key is wrong',
      { company: { siret: '12345678000015', contactEmail: 'a@b.fr' } },
      400,
      '/body/company/siret',
    ],
    [
      'a company the directory does not know',
      { company: { siret: '41816609600069', contactEmail: 'a@b.fr' } },
      404,
      null,
    ],
    [
      'an end before the start',
      {
        training: {
          title: 'X',
          startDate: '2026-04-27',
          endDate: '2026-04-20',
          hours: 7,
          distance: true,
        },
      },
      400,
      '/body/training/endDate',
    ],
    ['a price in euros with cents', { priceCents: 1890.5 }, 400, '/body/priceCents'],
    ['no trainee', { trainees: [] }, 400, '/body/trainees'],
  ])('refuses %s and writes nothing', async (_label, overrides, status, pointer) => {
    const t = await createDossierApp({ directory })
    const { trainer } = await cast(t)
    const response = await t.send('POST', '/v1/dossiers', newDossier(overrides), trainer.token)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    if (pointer) expect(JSON.stringify(await response.json())).toContain(pointer)
    expect(await t.db.select().from(dossierEvents)).toHaveLength(0)
  })

  it('is for trainers and staff: a company contact is refused, staff must name the trainer', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, company, staff } = await cast(t)
    expect((await t.send('POST', '/v1/dossiers', newDossier(), company.token)).status).toBe(403)
    expect((await t.send('POST', '/v1/dossiers', newDossier(), staff.token)).status).toBe(400)
    const forTrainer = await open(t, staff, { trainerId: trainer.id })
    expect(forTrainer.trainer.id).toBe(trainer.id)
    expect((await t.send('POST', '/v1/dossiers', newDossier())).status).toBe(401)
  })
})

describe('the whole workflow', () => {
  it('walks one dossier through every state with three real sessions, e-mails and signed webhooks', async () => {
    const t = await createDossierApp({ smtp, receiver, directory })
    const { trainer, company, staff } = await cast(t)
    let dossier = await open(t, trainer)

    dossier = await advance(t, staff, dossier, 'documents_sent', {
      documents: [
        { kind: 'convention', reference: 'CONV-1' },
        { kind: 'programme', reference: 'PROG-1' },
        { kind: 'devis', reference: 'DEV-1' },
      ],
    })
    // AKTO: 30 calendar days before Monday 27 April → by the end of Saturday 28 March (UTC+1).
    expect(dossier.nextAction).toMatchObject({
      actor: 'company',
      dueAt: '2026-03-28T23:00:00.000Z',
      late: false,
      source: expect.stringContaining('akto.fr'),
    })
    const companyView = (await (await read(t, company, dossier.id)).json()) as DossierDetail
    expect(companyView.allowedEvents).toEqual(['pec_requested', 'cancelled'])

    dossier = await advance(t, company, dossier, 'pec_requested', {
      opcoReference: 'AKTO-2026-001',
    })
    dossier = await advance(t, company, dossier, 'pec_received', {
      decision: 'accepted',
      amountCents: 189000,
      documents: [{ kind: 'accord_pec', reference: 'ACC-77' }],
    })
    dossier = await advance(t, staff, dossier, 'pec_validated')
    dossier = await advance(t, trainer, dossier, 'training_started')
    dossier = await advance(t, trainer, dossier, 'training_completed', {
      hoursDone: 21,
      documents: [{ kind: 'certificat_realisation', reference: 'CERT-1' }],
    })
    dossier = await advance(t, staff, dossier, 'invoiced', { invoiceNumber: 'F-2026-0042' })
    expect(dossier.nextAction).toMatchObject({ actor: 'opco', dueAt: null })
    dossier = await advance(t, staff, dossier, 'payment_received', {
      payer: 'opco',
      amountCents: 189000,
    })
    dossier = await advance(t, staff, dossier, 'trainer_paid', { amountCents: 151200 })
    dossier = await advance(t, staff, dossier, 'control_requested')
    dossier = await advance(t, staff, dossier, 'control_answered')
    dossier = await advance(t, staff, dossier, 'closed', { note: 'Contrôle clos sans remarque.' })
    expect(dossier).toMatchObject({ state: 'closed', version: 13, nextAction: null })

    const final = (await (await read(t, trainer, dossier.id)).json()) as DossierDetail
    expect(final.timeline.map((entry) => [entry.type, entry.actor.role])).toEqual([
      ['session_validated', 'trainer'],
      ['documents_sent', 'staff'],
      ['pec_requested', 'company'],
      ['pec_received', 'company'],
      ['pec_validated', 'staff'],
      ['training_started', 'trainer'],
      ['training_completed', 'trainer'],
      ['invoiced', 'staff'],
      ['payment_received', 'staff'],
      ['trainer_paid', 'staff'],
      ['control_requested', 'staff'],
      ['control_answered', 'staff'],
      ['closed', 'staff'],
    ])
    expect(final.timeline[3]).toMatchObject({
      data: { decision: 'accepted', amountCents: 189000 },
      documents: [{ kind: 'accord_pec', reference: 'ACC-77' }],
    })

    await t.settle()
    // One signed webhook per event, in order, sequence 1…13 on the dossier's subject.
    const hooks = receiver.requests.map((request) => JSON.parse(request.body))
    expect(hooks.map((hook) => hook.type)).toEqual(
      final.timeline.map((entry) => `dossier.${entry.type}`),
    )
    expect(hooks.map((hook) => hook.sequence)).toEqual(final.timeline.map((_, index) => index + 1))
    expect(hooks[1]).toMatchObject({
      dossier: {
        id: dossier.id,
        reference: dossier.reference,
        state: 'documents_sent',
        version: 2,
      },
      event: { type: 'documents_sent', actor: { role: 'staff', name: 'Équipe Ganapati' } },
    })
    for (const request of receiver.requests) {
      expect(verifyStandardWebhook(WEBHOOK_SECRET, request)).toBe(true)
    }

    // The seeds' two e-mails to the trainer: the documents received, then the payment.
    const mails = await Promise.all(smtp.messages.map((message) => readMail(message.raw)))
    expect(mails.map((mail) => [mail.to?.address, mail.subject])).toEqual([
      [
        'claire@formation-martin.example',
        `HÔTEL DU PORT a reçu les documents de la session ${dossier.reference}`,
      ],
      ['claire@formation-martin.example', `Paiement de la session n° ${dossier.reference}`],
    ])
    expect(mails[0]?.text).toContain('Relancez votre client')
    expect(mails[0]?.text).toContain('parvient bien à AKTO, au plus tard le 28 mars 2026')
    expect(mails[1]?.text).toContain(`pour la session n° ${dossier.reference}`)
    expect(mails[1]?.text).toMatch(/1\s512,00\s€/)
    expect(mails[1]?.links).toContain(
      `https://widgets.ganapati.test/#${DOSSIER_FRAGMENT}=${dossier.id}`,
    )
  })

  it('after a refused PEC, the company pays directly and the training goes on', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, company, staff } = await cast(t)
    let dossier = await open(t, trainer)
    dossier = await advance(t, staff, dossier, 'documents_sent')
    dossier = await advance(t, company, dossier, 'pec_requested')
    dossier = await advance(t, company, dossier, 'pec_received', { decision: 'refused' })
    expect(dossier.nextAction?.actor).toBe('company')
    const refused = await step(t, staff, dossier, 'pec_validated')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as { detail: string }).detail).toContain(
      'Étapes possibles\u00a0: switched_to_direct, cancelled',
    )
    dossier = await advance(t, company, dossier, 'switched_to_direct')
    expect(dossier.fundingMode).toBe('direct')
    dossier = await advance(t, trainer, dossier, 'training_started')
    dossier = await advance(t, trainer, dossier, 'training_completed', { hoursDone: 21 })
    dossier = await advance(t, staff, dossier, 'invoiced')
    expect(dossier.nextAction).toMatchObject({
      actor: 'company',
      action: 'Régler la facture de Ganapati',
    })
  })

  it('after a partial PEC, the dossier may be cancelled before the training, never after it starts', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, company, staff } = await cast(t)
    let dossier = await open(t, trainer)
    dossier = await advance(t, staff, dossier, 'documents_sent')
    dossier = await advance(t, company, dossier, 'pec_requested')
    dossier = await advance(t, company, dossier, 'pec_received', {
      decision: 'partial',
      amountCents: 90000,
    })
    const missingReason = await step(t, company, dossier, 'cancelled')
    expect(missingReason.status).toBe(400)
    dossier = await advance(t, company, dossier, 'cancelled', {
      reason: 'Reste à charge trop élevé.',
    })
    expect(dossier).toMatchObject({ state: 'cancelled', nextAction: null, allowedEvents: [] })

    let other = await open(t, trainer)
    other = await advance(t, staff, other, 'documents_sent')
    other = await advance(t, company, other, 'pec_requested')
    other = await advance(t, company, other, 'pec_received', { decision: 'accepted' })
    other = await advance(t, staff, other, 'pec_validated')
    other = await advance(t, trainer, other, 'training_started')
    const late = await step(t, trainer, other, 'cancelled', { reason: 'Trop tard' })
    expect(late.status).toBe(409)
  })
})

describe('refusals change nothing', () => {
  it('answers 404 to a member outside the dossier, 403 to a wrong role, 409 to a wrong state, 412 to a stale version', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, company, staff } = await cast(t)
    const otherTrainer = await t.member('trainer')
    const otherCompany = await t.member('company', { siret: CONSULTING.siret })
    const dossier = await open(t, trainer)
    const snapshot = async () => JSON.stringify(await t.db.select().from(dossierEvents))
    const outboxSize = async () => (await t.db.select().from(outbox)).length
    const before = await snapshot()
    const queued = await outboxSize()

    for (const outsider of [otherTrainer, otherCompany]) {
      const seen = await read(t, outsider, dossier.id)
      expect(seen.status).toBe(404)
      expect(await seen.json()).toMatchObject({ type: '/problems/unknown-dossier' })
      expect((await step(t, outsider, dossier, 'cancelled', { reason: 'x' })).status).toBe(404)
    }
    const unknown = await read(t, staff, crypto.randomUUID())
    expect(unknown.status).toBe(404)

    const wrongRole = await step(t, trainer, dossier, 'documents_sent')
    expect(wrongRole.status).toBe(403)
    expect(await wrongRole.json()).toMatchObject({
      type: '/problems/step-not-yours',
      detail: 'L’étape «\u00a0documents_sent\u00a0» revient à\u00a0: staff.',
    })

    const wrongState = await step(t, staff, dossier, 'pec_validated')
    expect(wrongState.status).toBe(409)
    expect(await wrongState.json()).toMatchObject({
      type: '/problems/step-not-allowed',
      detail: expect.stringContaining('Étapes possibles\u00a0: documents_sent, cancelled'),
    })

    const stale = await step(t, staff, { id: dossier.id, version: 2 }, 'documents_sent')
    expect(stale.status).toBe(412)
    expect(await stale.json()).toMatchObject({ type: '/problems/stale-version' })

    const unknownType = await step(t, staff, dossier, 'teleported')
    expect(unknownType.status).toBe(400)

    expect(await snapshot()).toBe(before)
    expect(await outboxSize()).toBe(queued)
    expect(((await (await read(t, company, dossier.id)).json()) as DossierDetail).version).toBe(1)
  })

  it('lets only one of two writers of the same version through', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, staff } = await cast(t)
    const dossier = await open(t, trainer)
    const answers = await Promise.all([
      step(t, staff, dossier, 'documents_sent'),
      step(t, trainer, dossier, 'cancelled', { reason: 'Session annulée' }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 412])
    expect(await t.db.select().from(dossierEvents)).toHaveLength(2)
  })
})

describe('GET /v1/dossiers', () => {
  it('lists what the caller sees, by who is awaited, late ones first, searched and paged', async () => {
    const t = await createDossierApp({ directory })
    const { trainer, company, staff } = await cast(t)
    const first = await open(t, trainer)
    const second = await open(t, trainer, {
      training: {
        title: 'Accueil client',
        startDate: '2026-06-01',
        endDate: '2026-06-01',
        hours: 7,
        distance: true,
      },
    })
    await open(t, trainer, {
      company: { siret: CONSULTING.siret, contactEmail: 'rh@conseil.example' },
    })
    await advance(t, staff, second, 'documents_sent')

    const list = async (by: Actor, query: string) => {
      const response = await t.send('GET', `/v1/dossiers${query}`, undefined, by.token)
      expect(response.status).toBe(200)
      return (await response.json()) as DossierList
    }
    expect((await list(trainer, '')).total).toBe(3)
    // The company contact sees its organisation's two dossiers, and acts on one of them.
    expect((await list(company, '')).total).toBe(2)
    expect((await list(company, '?waiting=me')).items.map((item) => item.id)).toEqual([second.id])
    expect((await list(staff, '?waiting=me')).total).toBe(2)
    expect((await list(staff, '?state=documents_sent')).items.map((item) => item.id)).toEqual([
      second.id,
    ])
    expect((await list(staff, '?q=accueil')).items.map((item) => item.id)).toEqual([second.id])
    expect((await list(staff, '?q=hotel')).total).toBe(2)
    const paged = await list(staff, '?pageSize=2&page=2')
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: 3 })
    expect(paged.items).toHaveLength(1)

    // Past the documents' due date (2 days after the validation), the two others are late.
    t.set(Date.parse('2026-03-06T09:00:00Z'))
    const late = await list(staff, '?waiting=late')
    expect(late.items.map((item) => item.id)).not.toContain(second.id)
    expect(late.total).toBe(2)
    expect(late.items.every((item) => item.nextAction?.late)).toBe(true)
    expect(late.items.map((item) => item.id)).toContain(first.id)
    expect((await list(staff, '')).items.at(-1)?.id).toBe(second.id)

    const bad = await t.send(
      'GET',
      '/v1/dossiers?waiting=soon&pageSize=500',
      undefined,
      staff.token,
    )
    expect(bad.status).toBe(400)
  })
})

describe('the tracker’s page', () => {
  it.each([
    [
      'a partner page',
      `${PARTNER}/espace-formateur?vue=dossiers#liste`,
      `${PARTNER}/espace-formateur?vue=dossiers`,
    ],
    ['an unknown site', 'https://ailleurs.example/suivi', 'https://widgets.ganapati.test/'],
  ])('links the e-mails to %s, or else to PUBLIC_URL', async (_label, pageUrl, page) => {
    const t = await createDossierApp({ smtp, directory })
    const { trainer, staff } = await cast(t)
    const dossier = await open(t, trainer, { pageUrl })
    await advance(t, staff, dossier, 'documents_sent')
    await t.settle()
    const mail = await readMail(smtp.messages.at(-1)?.raw ?? '')
    expect(mail.links).toContain(`${page}#${DOSSIER_FRAGMENT}=${dossier.id}`)
  })
})

describe('POST /v1/dossiers/:id/invitations', () => {
  it('e-mails the company’s contact a link that signs them in on the dossier', async () => {
    const t = await createDossierApp({ smtp, directory })
    const { trainer } = await cast(t)
    const dossier = await open(t, trainer, {
      company: { siret: CONSULTING.siret, contactEmail: 'paul@conseil.example' },
    })
    const invited = await t.send(
      'POST',
      `/v1/dossiers/${dossier.id}/invitations`,
      { name: 'Paul Conseil', returnUrl: `${PARTNER}/dossiers` },
      trainer.token,
    )
    expect(invited.status).toBe(202)
    expect(await invited.json()).toMatchObject({
      member: {
        email: 'paul@conseil.example',
        role: 'company',
        organisation: { siret: CONSULTING.siret },
      },
    })
    await t.settle()
    const mail = await readMail(smtp.messages.at(-1)?.raw ?? '')
    expect(mail.subject).toBe(`Suivez le dossier de formation ${dossier.reference}`)
    expect(mail.text).toContain('Claire Martin vous invite à suivre le dossier de formation')
    const link = new URL(mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? '')
    expect(link.origin + link.pathname).toBe(`${PARTNER}/dossiers`)
    const fragment = new URLSearchParams(link.hash.slice(1))
    expect(fragment.get(DOSSIER_FRAGMENT)).toBe(dossier.id)
    const session = await t.send('POST', '/v1/auth/sessions', {
      token: fragment.get(AUTH_FRAGMENT),
    })
    expect(session.status).toBe(201)
    const { sessionToken } = (await session.json()) as { sessionToken: string }
    const seen = await t.send('GET', `/v1/dossiers/${dossier.id}`, undefined, sessionToken)
    expect(seen.status).toBe(200)
  })

  it('gives the invited contact that dossier only, never other trainers’ dossiers of the company', async () => {
    const t = await createDossierApp({ smtp, directory })
    const { trainer, company } = await cast(t)
    const otherTrainer = await t.member('trainer')
    const theirs = await open(t, trainer)
    const mine = await open(t, otherTrainer)
    const invited = await t.send(
      'POST',
      `/v1/dossiers/${mine.id}/invitations`,
      { name: 'Complice', email: 'complice@example.fr', returnUrl: `${PARTNER}/dossiers` },
      otherTrainer.token,
    )
    expect(await invited.json()).toMatchObject({ member: { organisationWide: false } })
    await t.settle()
    const mail = await readMail(smtp.messages.at(-1)?.raw ?? '')
    const link = new URL(mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? '')
    const token = new URLSearchParams(link.hash.slice(1)).get(AUTH_FRAGMENT)
    const session = (await (await t.send('POST', '/v1/auth/sessions', { token })).json()) as {
      sessionToken: string
    }
    expect((await read(t, { ...company, token: session.sessionToken }, mine.id)).status).toBe(200)
    expect((await read(t, { ...company, token: session.sessionToken }, theirs.id)).status).toBe(404)
    const list = (await (
      await t.send('GET', '/v1/dossiers', undefined, session.sessionToken)
    ).json()) as DossierList
    expect(list.items.map((item) => item.id)).toEqual([mine.id])
    // The contact Ganapati made follows the whole organisation's.
    const all = (await (
      await t.send('GET', '/v1/dossiers', undefined, company.token)
    ).json()) as DossierList
    expect(all.total).toBe(2)
  })

  it('is refused to a company contact, and to a trainer for another trainer’s dossier', async () => {
    const t = await createDossierApp({ smtp, directory })
    const { trainer, company } = await cast(t)
    const otherTrainer = await t.member('trainer')
    const dossier = await open(t, trainer)
    const body = { name: 'X', returnUrl: `${PARTNER}/dossiers` }
    const path = `/v1/dossiers/${dossier.id}/invitations`
    expect((await t.send('POST', path, body, company.token)).status).toBe(403)
    expect((await t.send('POST', path, body, otherTrainer.token)).status).toBe(404)
  })
})
