/**
 * The real app over a fresh seeded libSQL database for the members and dossier tests: e-mails to a
 * real SMTP server on 127.0.0.1, signed webhooks to a receiver on 127.0.0.1, companies from a fake
 * recherche-entreprises, time moved by the test. Members and sessions are made through the admin API.
 */
import { expect } from 'vitest'
import { createApp } from '../../api/app'
import type { Member, Session } from '../../api/contracts/members'
import type { Clock } from '../../api/services/clock'
import { MailChannel } from '../../api/services/mail-channel'
import { OutboxDispatcher } from '../../api/services/outbox-dispatcher'
import { RechercheEntreprises } from '../../api/services/recherche-entreprises'
import { SmtpTransport } from '../../api/services/smtp-transport'
import { systemClock } from '../../api/services/clock'
import { WebhookChannel } from '../../api/services/webhook-channel'
import type { FakeCompanyDirectory } from '../fakes/company-directory'
import type { FakeSmtpServer } from '../fakes/smtp-server'
import type { FakeWebhookReceiver } from '../fakes/webhook-receiver'
import { createTestDatabase } from './test-database'

export const ADMIN_TOKEN = 'admin-token-for-the-dossier-tests-0123456789'
export const SEAL_KEY = 'outbox-secret-for-the-dossier-tests-012345'
export const WEBHOOK_SECRET = 'webhook-secret-for-the-dossier-tests-0123'
export const PUBLIC_URL = 'https://widgets.ganapati.test'
export const PARTNER = 'https://formation-dupont.example'
export const FROM = { name: 'Ganapati', email: 'dossiers@ganapati.example' }

export interface Outside {
  smtp?: FakeSmtpServer
  receiver?: FakeWebhookReceiver
  directory?: FakeCompanyDirectory
}

export async function createDossierApp(outside: Outside, options: { now?: number } = {}) {
  let now = options.now ?? Date.parse('2026-03-02T09:00:00Z')
  const clock: Clock = { now: () => now }
  const dispatcher = new OutboxDispatcher({
    channels: {
      email: outside.smtp
        ? new MailChannel({
            transport: new SmtpTransport({ url: outside.smtp.url, stepTimeoutMs: 2_000 }),
            from: FROM,
            sealKey: SEAL_KEY,
            clock,
          })
        : null,
      webhook: outside.receiver
        ? new WebhookChannel({
            target: { url: outside.receiver.url, secret: WEBHOOK_SECRET },
            clock,
          })
        : null,
    },
    clock,
  })
  const { db, client } = await createTestDatabase()
  const app = createApp({
    database: () => db,
    // The directory spaces its calls on real time: a test's frozen clock would queue them forever.
    companies: new RechercheEntreprises({
      baseUrl: outside.directory?.url ?? 'http://127.0.0.1:9',
      clock: systemClock,
    }),
    clock,
    adminToken: ADMIN_TOKEN,
    publicUrl: () => PUBLIC_URL,
    dispatcher,
    mail: { sealKey: SEAL_KEY },
    allowedReturnOrigins: [PARTNER],
  })

  const send = async (
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Response> =>
    app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  /** A member made by the admin API, and a session minted for them. */
  const member = async (
    role: Member['role'],
    overrides: Partial<{ email: string; name: string; siret: string; organisation: string }> = {},
  ) => {
    const created = await send(
      'POST',
      '/v1/admin/members',
      {
        email: overrides.email ?? `${role}-${crypto.randomUUID().slice(0, 8)}@example.fr`,
        name: overrides.name ?? `Membre ${role}`,
        role,
        organisation: {
          siret: overrides.siret ?? '41816609600069',
          name: overrides.organisation ?? 'Organisation',
        },
      },
      ADMIN_TOKEN,
    )
    expect(created.status).toBe(201)
    const body = (await created.json()) as Member
    const minted = await send(
      'POST',
      `/v1/admin/members/${body.id}/sessions`,
      undefined,
      ADMIN_TOKEN,
    )
    expect(minted.status).toBe(201)
    const session = (await minted.json()) as Session
    return { ...body, token: session.sessionToken }
  }

  return {
    app,
    db,
    client,
    clock,
    send,
    member,
    dispatcher,
    now: () => now,
    set: (instant: number) => {
      now = instant
    },
    settle: () => dispatcher.deliverDue(db),
  }
}

export type DossierApp = Awaited<ReturnType<typeof createDossierApp>>

/** A SIRET with a valid Luhn key from its first 13 digits. */
export function siretFrom(first13: string): string {
  for (let key = 0; key <= 9; key++) {
    const candidate = `${first13}${key}`
    let sum = 0
    for (let index = 0; index < 14; index++) {
      let digit = Number(candidate[13 - index])
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
      sum += digit
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error('unreachable')
}

/** A hotel-restaurant (IDCC 1979, HCR: AKTO) and a consultancy (IDCC 1486, Syntec: Atlas). */
export const HOTEL = { siret: siretFrom('1234567800001'), name: 'HÔTEL DU PORT', idcc: ['1979'] }
export const CONSULTING = {
  siret: siretFrom('5555555500001'),
  name: 'CONSEIL ET CIE',
  idcc: ['1486'],
}

/** POST /v1/dossiers: a three-day session starting Monday 27 April 2026. */
export const newDossier = (overrides: Record<string, unknown> = {}) => ({
  company: { siret: HOTEL.siret, contactEmail: 'rh@hotel-du-port.example' },
  training: {
    title: 'Hygiène alimentaire en restauration commerciale',
    startDate: '2026-04-27',
    endDate: '2026-04-29',
    hours: 21,
    location: 'Marseille',
  },
  trainees: [{ name: 'Léa Durand' }, { name: 'Karim Benali' }],
  priceCents: 189000,
  fundingMode: 'subrogation',
  ...overrides,
})
