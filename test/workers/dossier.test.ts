// One dossier walked in workerd over libSQL HTTP: members and sessions by the admin API, a sign-in
// link e-mailed through Brevo's API and exchanged, every step from the validated session to the
// closed dossier by the three roles, a member outside it answered 404, and the cron's reminders.
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../api/worker'
import { addDays, parisDate } from '../../api/domain/calendar'

interface BrevoRequest {
  body: { to: { email: string }[]; subject: string; textContent: string }
}

const call = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
  exports.default.fetch(
    new Request(`https://ganapati.test${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  )

const HOTEL_SIRET = '12345678000014'

async function member(role: string, email: string, siret: string) {
  const created = await call('/v1/admin/members', {
    method: 'POST',
    token: env.ADMIN_TOKEN,
    body: { email, name: `Membre ${role}`, role, organisation: { siret, name: 'Organisation' } },
  })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const minted = await call(`/v1/admin/members/${id}/sessions`, {
    method: 'POST',
    token: env.ADMIN_TOKEN,
  })
  expect(minted.status).toBe(201)
  return { id, token: ((await minted.json()) as { sessionToken: string }).sessionToken }
}

/** What the fake Brevo received for an address, once the Worker has sent it (after its answer). */
async function mailsTo(email: string): Promise<BrevoRequest[]> {
  for (let tries = 0; tries < 100; tries++) {
    const all = (await (
      await fetch(new URL('/requests', env.BREVO_API_URL))
    ).json()) as BrevoRequest[]
    const sent = all.filter((request) => request.body.to[0]?.email === email)
    if (sent.length > 0) return sent
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return []
}

describe('dossiers in workerd', () => {
  it('signs a member in from an e-mailed link sent through Brevo', async () => {
    await member('trainer', 'lien@formation.example', '41816609600069')
    const asked = await call('/v1/auth/links', {
      method: 'POST',
      body: { email: 'lien@formation.example', returnUrl: 'https://widgets.ganapati.test/espace' },
    })
    expect(asked.status).toBe(202)
    const [mail] = await mailsTo('lien@formation.example')
    expect(mail?.body.subject).toBe('Votre lien de connexion à Ganapati')
    const token = /#ganapati-auth=([A-Za-z0-9_-]{43})/.exec(mail?.body.textContent ?? '')?.[1]
    const session = await call('/v1/auth/sessions', { method: 'POST', body: { token } })
    expect(session.status).toBe(201)
  })

  it('walks a dossier from the validated session to its close over libSQL HTTP', async () => {
    const trainer = await member('trainer', 'claire@formation.example', '41816609600069')
    const company = await member('company', 'rh@hotel.example', HOTEL_SIRET)
    const staff = await member('staff', 'equipe@ganapati.example', '41816609600069')
    const outsider = await member('trainer', 'autre@formation.example', '41816609600069')
    const opened = await call('/v1/dossiers', {
      method: 'POST',
      token: trainer.token,
      body: {
        company: { siret: HOTEL_SIRET, contactEmail: 'rh@hotel.example' },
        training: {
          title: 'Hygiène alimentaire',
          startDate: '2027-03-01',
          endDate: '2027-03-03',
          hours: 21,
          distance: true,
        },
        trainees: [{ name: 'Léa Durand' }],
        priceCents: 120000,
        fundingMode: 'subrogation',
      },
    })
    expect(opened.status).toBe(201)
    let dossier = (await opened.json()) as { id: string; version: number; state: string }
    expect(dossier).toMatchObject({ state: 'session_validated', opco: { id: 'akto' } })

    const steps: [{ token: string }, string, Record<string, unknown>][] = [
      [staff, 'documents_sent', {}],
      [company, 'pec_requested', {}],
      [company, 'pec_received', { decision: 'accepted', amountCents: 120000 }],
      [staff, 'pec_validated', {}],
      [trainer, 'training_started', {}],
      [trainer, 'training_completed', { hoursDone: 21 }],
      [staff, 'invoiced', {}],
      [staff, 'payment_received', { payer: 'opco', amountCents: 120000 }],
      [staff, 'trainer_paid', {}],
      [staff, 'closed', {}],
    ]
    for (const [by, type, extra] of steps) {
      const response = await call(`/v1/dossiers/${dossier.id}/events`, {
        method: 'POST',
        token: by.token,
        body: { type, expectedVersion: dossier.version, ...extra },
      })
      expect(response.status, type).toBe(201)
      dossier = (await response.json()) as typeof dossier
    }
    expect(dossier).toMatchObject({ state: 'closed', version: 11 })

    const read = await call(`/v1/dossiers/${dossier.id}`, { token: company.token })
    const detail = (await read.json()) as { timeline: { type: string }[] }
    expect(detail.timeline.map((entry) => entry.type)).toEqual([
      'session_validated',
      ...steps.map(([, type]) => type),
    ])
    expect((await call(`/v1/dossiers/${dossier.id}`, { token: outsider.token })).status).toBe(404)
    const [news] = await mailsTo('claire@formation.example')
    expect(news?.body.subject).toMatch(/^HÔTEL DU PORT a reçu les documents de la session GAN-/)
  })

  it('e-mails the reminders of an overdue PEC from the cron trigger', async () => {
    const trainer = await member('trainer', 'cron@formation.example', '41816609600069')
    const staff = await member('staff', 'cron-staff@ganapati.example', '41816609600069')
    // AKTO wants the PEC 30 days before a start 10 days away: it is overdue already.
    const start = addDays(parisDate(Date.now()), 10)
    const opened = await call('/v1/dossiers', {
      method: 'POST',
      token: trainer.token,
      body: {
        company: { siret: HOTEL_SIRET, contactEmail: 'rh-cron@hotel.example' },
        training: { title: 'Accueil', startDate: start, endDate: start, hours: 7, distance: true },
        trainees: [{ name: 'Léa Durand' }],
        priceCents: 50000,
        fundingMode: 'direct',
      },
    })
    const { id } = (await opened.json()) as { id: string }
    const sent = await call(`/v1/dossiers/${id}/events`, {
      method: 'POST',
      token: staff.token,
      body: { type: 'documents_sent', expectedVersion: 1 },
    })
    expect(sent.status).toBe(201)
    const context = createExecutionContext()
    worker.scheduled(createScheduledController(), env, context)
    await waitOnExecutionContext(context)
    const [reminder] = await mailsTo('rh-cron@hotel.example')
    expect(reminder?.body.subject).toMatch(
      /^Envoyez votre demande de prise en charge à AKTO avant le .*\(échéance dépassée\)$/,
    )
  })
})
