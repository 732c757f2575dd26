// The background round's dossier reminders, with the injected clock: the company and the trainer
// e-mailed (on a real SMTP server) when the PEC's due date nears and once it has passed, across the
// change to summer time, at most one per step and day, each in the dossier's timeline.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DossierDetail } from '../../api/contracts/dossiers'
import type { Session } from '../../api/contracts/members'
import { DEFAULT_SERVICE_LEVELS } from '../../api/domain/dossier-deadlines'
import { backgroundRound } from '../../api/services/background-round'
import { startFakeCompanyDirectory, type FakeCompanyDirectory } from '../fakes/company-directory'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import {
  ADMIN_TOKEN,
  createDossierApp,
  HOTEL,
  newDossier,
  PUBLIC_URL,
  type DossierApp,
} from '../support/dossier-app'
import { readMail } from '../support/mail'

let smtp: FakeSmtpServer
let directory: FakeCompanyDirectory
beforeAll(async () => {
  ;[smtp, directory] = await Promise.all([startFakeSmtpServer(), startFakeCompanyDirectory()])
  directory.add(HOTEL)
})
afterAll(async () => {
  await Promise.all([smtp.close(), directory.close()])
})
beforeEach(() => {
  smtp.messages.length = 0
})

const reminders = { levels: DEFAULT_SERVICE_LEVELS, publicUrl: () => PUBLIC_URL }

async function round(t: DossierApp) {
  return backgroundRound(t.db, t.dispatcher, t.clock, {
    retentionDays: 365,
    dossierReminders: reminders,
  })
}

/** A fresh session for a member: the test's clock runs weeks ahead. */
async function sessionOf(t: DossierApp, id: string): Promise<string> {
  const minted = await t.send('POST', `/v1/admin/members/${id}/sessions`, undefined, ADMIN_TOKEN)
  return ((await minted.json()) as Session).sessionToken
}

/** An AKTO dossier starting 27 April whose documents went out on 2 March: the company must file by 28 March. */
async function waitingForThePec() {
  const t = await createDossierApp({ smtp, directory })
  const trainer = await t.member('trainer', { name: 'Claire Martin', email: 'claire@example.fr' })
  await t.member('company', {
    name: 'Sophie RH',
    email: 'rh@hotel-du-port.example',
    siret: HOTEL.siret,
  })
  const staff = await t.member('staff')
  const opened = await t.send('POST', '/v1/dossiers', newDossier(), trainer.token)
  const dossier = (await opened.json()) as DossierDetail
  const sent = await t.send(
    'POST',
    `/v1/dossiers/${dossier.id}/events`,
    { type: 'documents_sent', expectedVersion: 1 },
    staff.token,
  )
  expect(sent.status).toBe(201)
  await t.settle()
  smtp.messages.length = 0
  return { t, trainer, dossier }
}

const mailsOf = () => Promise.all(smtp.messages.map((message) => readMail(message.raw)))

describe('dossier reminders', () => {
  it('stays quiet while the due date is far off', async () => {
    const { t } = await waitingForThePec()
    t.set(Date.parse('2026-03-24T08:00:00Z'))
    expect((await round(t)).remindedDossiers).toBe(0)
    expect(smtp.messages).toHaveLength(0)
  })

  it('e-mails the company and the trainer when the due date nears, once a day, in the timeline', async () => {
    const { t, trainer, dossier } = await waitingForThePec()
    // Wednesday 25 March, 3 days before the due day (reminderDaysBeforeDue in db/data).
    t.set(Date.parse('2026-03-25T08:00:00Z'))
    expect((await round(t)).remindedDossiers).toBe(1)
    const [company, chase] = await mailsOf()
    expect(company?.to?.address).toBe('rh@hotel-du-port.example')
    expect(company?.subject).toBe(
      'Envoyez votre demande de prise en charge à AKTO avant le 28 mars 2026',
    )
    expect(company?.text).toContain('Bonjour Sophie RH,')
    // The AKTO flyer's words on how to file it, and the source of the lead time.
    expect(company?.text).toContain('portail AKTO de votre branche («\u00a0Mon Espace\u00a0»)')
    expect(company?.text).toContain('AKTO demande le dépôt 30 jours calendaires')
    expect(chase?.to?.address).toBe('claire@example.fr')
    expect(chase?.subject).toBe(`Relancez HÔTEL DU PORT\u00a0: session ${dossier.reference}`)
    expect(chase?.text).toContain('Relancez votre client')

    // Later the same day: nothing more.
    t.set(Date.parse('2026-03-25T17:00:00Z'))
    expect((await round(t)).remindedDossiers).toBe(0)
    expect(smtp.messages).toHaveLength(2)

    const read = await t.send(
      'GET',
      `/v1/dossiers/${dossier.id}`,
      undefined,
      await sessionOf(t, trainer.id),
    )
    const timeline = ((await read.json()) as DossierDetail).timeline
    expect(timeline.filter((entry) => entry.type === 'reminder')).toEqual([
      expect.objectContaining({
        at: '2026-03-25T08:00:00.000Z',
        actor: { role: 'system', name: 'Ganapati' },
        data: { kind: 'near', recipients: ['company', 'trainer'], version: 2 },
      }),
    ])
  })

  it('says the date has passed once it has, on the night clocks go forward', async () => {
    const { t } = await waitingForThePec()
    // 00:30 on Sunday 29 March in Paris (still UTC+1): the end of the 28th has passed.
    t.set(Date.parse('2026-03-28T23:30:00Z'))
    expect((await round(t)).remindedDossiers).toBe(1)
    const [company] = await mailsOf()
    expect(company?.subject).toBe(
      'Envoyez votre demande de prise en charge à AKTO avant le 28 mars 2026 (échéance dépassée)',
    )
    expect(company?.text).toContain('l’échéance est dépassée')
    // The next Paris day, one more.
    t.set(Date.parse('2026-03-29T22:30:00Z'))
    expect((await round(t)).remindedDossiers).toBe(1)
    expect(smtp.messages).toHaveLength(4)
  })

  it('sends none about a cancelled dossier', async () => {
    const { t, trainer, dossier } = await waitingForThePec()
    const cancelled = await t.send(
      'POST',
      `/v1/dossiers/${dossier.id}/events`,
      { type: 'cancelled', expectedVersion: 2, reason: 'Le client renonce.' },
      trainer.token,
    )
    expect(cancelled.status).toBe(201)
    await t.settle()
    smtp.messages.length = 0
    t.set(Date.parse('2026-03-28T23:30:00Z'))
    expect((await round(t)).remindedDossiers).toBe(0)
    expect(smtp.messages).toHaveLength(0)
  })

  it('sends none for a step that is Ganapati’s', async () => {
    const t = await createDossierApp({ smtp, directory })
    const trainer = await t.member('trainer')
    await t.send('POST', '/v1/dossiers', newDossier(), trainer.token)
    t.set(Date.parse('2026-03-20T08:00:00Z'))
    expect((await round(t)).remindedDossiers).toBe(0)
    expect(smtp.messages).toHaveLength(0)
  })
})
