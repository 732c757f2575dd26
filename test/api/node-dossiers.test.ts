// The Node entry's dossier wiring: the service levels it is given shape the due dates answered, and
// its background timer e-mails the reminders of a dossier whose PEC is overdue, on a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DossierDetail } from '../../api/contracts/dossiers'
import type { Member, Session } from '../../api/contracts/members'
import { addDays, parisDate } from '../../api/domain/calendar'
import { endOfParisDay } from '../../api/domain/dossier-deadlines'
import { startServer, type RunningServer } from '../../api/node'
import { startFakeCompanyDirectory, type FakeCompanyDirectory } from '../fakes/company-directory'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import { ADMIN_TOKEN, HOTEL, newDossier } from '../support/dossier-app'
import { readMail } from '../support/mail'

let smtp: FakeSmtpServer
let directory: FakeCompanyDirectory
let server: RunningServer
beforeAll(async () => {
  ;[smtp, directory] = await Promise.all([startFakeSmtpServer(), startFakeCompanyDirectory()])
  directory.add(HOTEL)
  server = await startServer({
    adminToken: ADMIN_TOKEN,
    rechercheEntreprisesUrl: directory.url,
    mail: { smtpUrl: smtp.url, from: 'Ganapati <dossiers@ganapati.example>' },
    dossierServiceLevels: { documentsDaysAfterValidation: 9 },
    backgroundEveryMs: 100,
  })
})
afterAll(async () => {
  await server.close()
  await Promise.all([smtp.close(), directory.close()])
})

async function send(path: string, body: unknown, token: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
}

async function member(role: string, email: string, siret: string) {
  const created = await send(
    '/v1/admin/members',
    { email, name: `Membre ${role}`, role, organisation: { siret, name: 'Organisation' } },
    ADMIN_TOKEN,
  )
  const { id } = (await created.json()) as Member
  const minted = await send(`/v1/admin/members/${id}/sessions`, undefined, ADMIN_TOKEN)
  return ((await minted.json()) as Session).sessionToken
}

describe('startServer with dossiers', () => {
  it('answers due dates from its service levels and e-mails the reminders of an overdue PEC', async () => {
    const trainer = await member('trainer', 'claire@example.fr', '41816609600069')
    const staff = await member('staff', 'equipe@ganapati.example', '41816609600069')
    const today = parisDate(Date.now())
    // AKTO wants the PEC 30 days before a start 10 days away: it is already overdue.
    const start = addDays(today, 10)
    const opened = await send(
      '/v1/dossiers',
      newDossier({
        training: { title: 'Hygiène', startDate: start, endDate: start, hours: 7, distance: true },
      }),
      trainer,
    )
    expect(opened.status).toBe(201)
    const dossier = (await opened.json()) as DossierDetail
    // documentsDaysAfterValidation: 9, from the options, not the default.
    expect(dossier.nextAction?.dueAt).toBe(new Date(endOfParisDay(addDays(today, 9))).toISOString())

    const sent = await send(
      `/v1/dossiers/${dossier.id}/events`,
      { type: 'documents_sent', expectedVersion: 1 },
      staff,
    )
    expect(sent.status).toBe(201)
    // The trainer's news of the documents, then the timer's reminders to the company and the trainer.
    await smtp.received(3)
    const subjects = (await Promise.all(smtp.messages.map((message) => readMail(message.raw)))).map(
      (mail) => mail.subject,
    )
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HÔTEL DU PORT a reçu les documents/),
        expect.stringMatching(
          /^Envoyez votre demande de prise en charge à AKTO .*\(échéance dépassée\)$/,
        ),
        expect.stringMatching(/^Relancez HÔTEL DU PORT/),
      ]),
    )
  })
})
