// Members and sign-in over the real app: admin-made members, e-mailed single-use links read on a real
// SMTP server, bearer sessions that expire and are revoked, and what a refused request leaves.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AUTH_FRAGMENT } from '../../api/domain/sign-in-link'
import { backgroundRound } from '../../api/services/background-round'
import { authLinks, memberSessions, members, outbox } from '../../db/schema'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import {
  ADMIN_TOKEN,
  createDossierApp,
  PARTNER,
  PUBLIC_URL,
  type DossierApp,
} from '../support/dossier-app'
import { readMail } from '../support/mail'

let smtp: FakeSmtpServer
beforeAll(async () => {
  smtp = await startFakeSmtpServer()
})
afterAll(() => smtp.close())
beforeEach(() => {
  smtp.messages.length = 0
})

const RETURN_URL = `${PARTNER}/espace-formateur?onglet=dossiers#old`
const MINUTE_MS = 60_000

async function linkFor(t: DossierApp, email: string, returnUrl = RETURN_URL) {
  const response = await t.send('POST', '/v1/auth/links', { email, returnUrl })
  expect(response.status).toBe(202)
  await t.settle()
  const message = smtp.messages.at(-1)
  if (!message) throw new Error('no e-mail received')
  return readMail(message.raw)
}

const tokenOf = (link: string) => new URL(link).hash.slice(`#${AUTH_FRAGMENT}=`.length)

describe('POST /v1/admin/members', () => {
  it('creates a member behind ADMIN_TOKEN, e-mail lower-cased, and refuses a second one with the same e-mail', async () => {
    const t = await createDossierApp({})
    const body = {
      email: 'Claire.Martin@Formation-Dupont.example',
      name: 'Claire Martin',
      role: 'trainer',
      organisation: { siret: '41816609600069', name: 'Formation Dupont' },
    }
    expect((await t.send('POST', '/v1/admin/members', body)).status).toBe(401)
    const created = await t.send('POST', '/v1/admin/members', body, ADMIN_TOKEN)
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({
      email: 'claire.martin@formation-dupont.example',
      role: 'trainer',
      organisation: { siret: '41816609600069', name: 'Formation Dupont' },
    })
    const again = await t.send('POST', '/v1/admin/members', body, ADMIN_TOKEN)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ type: '/problems/member-exists' })
    expect(await t.db.select().from(members)).toHaveLength(1)
  })

  it('lists members by role and organisation', async () => {
    const t = await createDossierApp({})
    const trainer = await t.member('trainer', { email: 'b@example.fr', siret: '41816609600069' })
    await t.member('company', { email: 'a@example.fr', siret: '41816609600069' })
    await t.member('trainer', { email: 'c@example.fr', siret: '12345678000014' })
    const list = async (query: string) =>
      (
        (await (
          await t.send('GET', `/v1/admin/members${query}`, undefined, ADMIN_TOKEN)
        ).json()) as {
          items: { email: string }[]
        }
      ).items.map((item) => item.email)
    expect(await list('')).toEqual(['a@example.fr', 'b@example.fr', 'c@example.fr'])
    expect(await list('?role=trainer&siret=41816609600069')).toEqual([trainer.email])
    expect(
      (await t.send('GET', '/v1/admin/members?role=opco', undefined, ADMIN_TOKEN)).status,
    ).toBe(400)
    expect((await t.send('GET', '/v1/admin/members', undefined, trainer.token)).status).toBe(401)
  })

  it('validates the member with French details pointing at each field', async () => {
    const t = await createDossierApp({})
    const response = await t.send(
      'POST',
      '/v1/admin/members',
      { email: 'pas-une-adresse', name: '', role: 'opco', organisation: { siret: '123' } },
      ADMIN_TOKEN,
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = (await response.json()) as { errors: { pointer: string }[] }
    expect(problem.errors.map((error) => error.pointer)).toEqual(
      expect.arrayContaining([
        '/body/email',
        '/body/name',
        '/body/role',
        '/body/organisation/siret',
        '/body/organisation/name',
      ]),
    )
    expect(await t.db.select().from(members)).toHaveLength(0)
  })

  it('mints a session for a member, and 404s an unknown one', async () => {
    const t = await createDossierApp({})
    const trainer = await t.member('trainer')
    const current = await t.send('GET', '/v1/auth/sessions/current', undefined, trainer.token)
    expect(current.status).toBe(200)
    expect(await current.json()).toMatchObject({ member: { id: trainer.id, role: 'trainer' } })
    const unknown = await t.send(
      'POST',
      `/v1/admin/members/${crypto.randomUUID()}/sessions`,
      undefined,
      ADMIN_TOKEN,
    )
    expect(unknown.status).toBe(404)
    const [stored] = await t.db.select().from(memberSessions)
    // Only the token's SHA-256 is kept.
    expect(stored?.tokenHash).not.toBe(trainer.token)
    expect(JSON.stringify(await t.db.select().from(memberSessions))).not.toContain(trainer.token)
  })
})

describe('sign-in by e-mail link', () => {
  it('e-mails a French single-use link to the return page, exchanged for a bearer session', async () => {
    const t = await createDossierApp({ smtp })
    const trainer = await t.member('trainer', {
      email: 'claire.martin@example.fr',
      name: 'Claire Martin',
    })
    const mail = await linkFor(t, 'Claire.Martin@example.fr')
    expect(mail.to?.address).toBe('claire.martin@example.fr')
    expect(mail.subject).toBe('Votre lien de connexion à Ganapati')
    expect(mail.text).toContain('Bonjour Claire Martin,')
    expect(mail.text).toContain('valable 15 minutes')
    const link = mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? ''
    expect(link.startsWith(`${PARTNER}/espace-formateur?onglet=dossiers#${AUTH_FRAGMENT}=`)).toBe(
      true,
    )
    // The token is never stored in clear: not in the links table, not in the outbox.
    const token = tokenOf(link)
    expect(JSON.stringify(await t.db.select().from(authLinks))).not.toContain(token)
    expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain(token)

    const exchanged = await t.send('POST', '/v1/auth/sessions', { token })
    expect(exchanged.status).toBe(201)
    const session = (await exchanged.json()) as { sessionToken: string; expiresAt: string }
    expect(session).toMatchObject({ member: { id: trainer.id, name: 'Claire Martin' } })
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(t.now())
    const current = await t.send(
      'GET',
      '/v1/auth/sessions/current',
      undefined,
      session.sessionToken,
    )
    expect(current.status).toBe(200)

    // Single use: the same link twice opens nothing more.
    const reused = await t.send('POST', '/v1/auth/sessions', { token })
    expect(reused.status).toBe(401)
    expect(await reused.json()).toMatchObject({ type: '/problems/sign-in-link-invalid' })
    expect(await t.db.select().from(memberSessions)).toHaveLength(2)
  })

  it('answers 202 for an unknown address too, and sends nothing', async () => {
    const t = await createDossierApp({ smtp })
    const response = await t.send('POST', '/v1/auth/links', {
      email: 'inconnu@example.fr',
      returnUrl: RETURN_URL,
    })
    expect(response.status).toBe(202)
    const known = await t.member('company', { email: 'rh@example.fr' })
    const other = await t.send('POST', '/v1/auth/links', {
      email: known.email,
      returnUrl: RETURN_URL,
    })
    expect(await other.text()).toBe(await response.clone().text())
    await t.settle()
    expect(smtp.messages.map((message) => message.to)).toEqual([['rh@example.fr']])
  })

  it('refuses a link after 15 minutes', async () => {
    const t = await createDossierApp({ smtp })
    await t.member('trainer', { email: 'lent@example.fr' })
    const mail = await linkFor(t, 'lent@example.fr')
    const token = tokenOf(mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? '')
    t.set(t.now() + 15 * MINUTE_MS)
    const late = await t.send('POST', '/v1/auth/sessions', { token })
    expect(late.status).toBe(401)
    // Only the session the admin minted: the late link opened none.
    expect(await t.db.select().from(memberSessions)).toHaveLength(1)
  })

  it.each([
    ['a page of another origin', 'https://evil.example/espace'],
    ['http on a partner origin', 'http://formation-dupont.example/espace'],
    ['credentials in the address', 'https://user:pass@formation-dupont.example/espace'],
    ['a javascript: address', 'javascript:alert(1)'],
  ])('refuses %s as returnUrl, without sending anything', async (_label, returnUrl) => {
    const t = await createDossierApp({ smtp })
    await t.member('trainer', { email: 'claire@example.fr' })
    const response = await t.send('POST', '/v1/auth/links', {
      email: 'claire@example.fr',
      returnUrl,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      type: '/problems/validation-error',
      errors: [{ pointer: '/body/returnUrl' }],
    })
    expect(await t.db.select().from(authLinks)).toHaveLength(0)
  })

  it('adds the dossier to open once signed in, when asked', async () => {
    const t = await createDossierApp({ smtp })
    await t.member('company', { email: 'rh@example.fr' })
    const dossierId = crypto.randomUUID()
    const response = await t.send('POST', '/v1/auth/links', {
      email: 'rh@example.fr',
      returnUrl: RETURN_URL,
      dossierId,
    })
    expect(response.status).toBe(202)
    await t.settle()
    const mail = await readMail(smtp.messages.at(-1)?.raw ?? '')
    const link = new URL(mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? '')
    expect(new URLSearchParams(link.hash.slice(1)).get('ganapati-dossier')).toBe(dossierId)
  })

  it('accepts a page of PUBLIC_URL', async () => {
    const t = await createDossierApp({ smtp })
    await t.member('staff', { email: 'equipe@ganapati.example' })
    const mail = await linkFor(t, 'equipe@ganapati.example', `${PUBLIC_URL}/`)
    expect(mail.links.some((href) => href.startsWith(`${PUBLIC_URL}/#${AUTH_FRAGMENT}=`))).toBe(
      true,
    )
  })
})

describe('bearer sessions', () => {
  it('revokes the current session with DELETE /v1/auth/sessions/current', async () => {
    const t = await createDossierApp({})
    const trainer = await t.member('trainer')
    const revoked = await t.send('DELETE', '/v1/auth/sessions/current', undefined, trainer.token)
    expect(revoked.status).toBe(204)
    const after = await t.send('GET', '/v1/auth/sessions/current', undefined, trainer.token)
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toContain('Bearer')
    expect(await after.json()).toMatchObject({ type: '/problems/session-required' })
  })

  it('forgets spent links and dead sessions in the background round, keeping live ones', async () => {
    const t = await createDossierApp({ smtp })
    const kept = await t.member('trainer')
    const revoked = await t.member('trainer', { email: 'parti@example.fr' })
    await t.send('DELETE', '/v1/auth/sessions/current', undefined, revoked.token)
    const mail = await linkFor(t, 'parti@example.fr')
    const token = tokenOf(mail.links.find((href) => href.includes(AUTH_FRAGMENT)) ?? '')
    expect((await t.send('POST', '/v1/auth/sessions', { token })).status).toBe(201)
    const report = await backgroundRound(t.db, t.dispatcher, t.clock, { retentionDays: 365 })
    // The spent link and the revoked session; the two live sessions stay.
    expect(report.purgedTokens).toBe(2)
    expect(await t.db.select().from(memberSessions)).toHaveLength(2)
    expect((await t.send('GET', '/v1/auth/sessions/current', undefined, kept.token)).status).toBe(
      200,
    )
  })

  it('refuses an expired session, a made-up token and no token alike', async () => {
    const t = await createDossierApp({})
    const trainer = await t.member('trainer')
    t.set(t.now() + 7 * 86_400_000)
    for (const token of [trainer.token, 'x'.repeat(43), undefined]) {
      const response = await t.send('GET', '/v1/auth/sessions/current', undefined, token)
      expect(response.status).toBe(401)
    }
  })

  it('answers the preflight of a page that sends the bearer header', async () => {
    const t = await createDossierApp({})
    const response = await t.app.request('/v1/auth/sessions/current', {
      method: 'OPTIONS',
      headers: {
        Origin: PARTNER,
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization')
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE')
  })
})
