/**
 * The reminders of the background round: for each open dossier whose next step is a company's or a
 * trainer's and whose due date is near or past, an e-mail to whoever must act — the company
 * (« envoyez votre demande de prise en charge à … avant le … », with its OPCO's way of filing it),
 * and the trainer, asked to chase the client — at most one per step and day (the database's key
 * decides), each recorded in the dossier's timeline.
 */
import type { Db } from '../../db/client'
import { insertReminder, openDossiers, type DossierRecord } from '../../db/dossiers'
import { findMemberByEmail, memberOf } from '../../db/members'
import { members, opcos } from '../../db/schema'
import { parisDate } from '../domain/calendar'
import { reminderKind, type ServiceLevels } from '../domain/dossier-deadlines'
import { reminderMail } from '../domain/dossier-mail'
import { dossierView, stateOf } from '../domain/dossier-view'
import type { Clock } from './clock'
import { dossierMailRow, dossierOpco, mailFacts, type DossierOpco } from './dossier-notifications'

export interface ReminderSettings {
  levels: ServiceLevels
  /** PUBLIC_URL, whose page the e-mails' dossier link opens. */
  publicUrl: () => string
}

async function opcoDirectory(db: Db): Promise<Map<string, DossierOpco>> {
  const rows = await db.select().from(opcos)
  return new Map(rows.map((row) => [row.id, dossierOpco(row.id, row)]))
}

/** Sends the reminders due at the clock's instant; how many dossiers were reminded. */
export async function sendDossierReminders(
  db: Db,
  clock: Clock,
  settings: ReminderSettings,
): Promise<number> {
  const now = clock.now()
  const records = await openDossiers(db)
  if (records.length === 0) return 0
  const directory = await opcoDirectory(db)
  const trainers = new Map(
    (await db.select().from(members)).map((row) => [row.id, memberOf(row)] as const),
  )
  let reminded = 0
  for (const record of records) {
    if (await remind(db, record, { now, settings, directory, trainers })) reminded++
  }
  return reminded
}

async function remind(
  db: Db,
  record: DossierRecord,
  context: {
    now: number
    settings: ReminderSettings
    directory: Map<string, DossierOpco>
    trainers: Map<string, ReturnType<typeof memberOf>>
  },
): Promise<boolean> {
  const { dossier } = record
  const { now, settings } = context
  const day = parisDate(now)
  // Already reminded today about this step: skip the write (the key would refuse it anyway).
  if (record.reminders.some((sent) => sent.version === dossier.version && sent.day === day)) {
    return false
  }
  const opco = context.directory.get(dossier.opcoId) ?? dossierOpco(dossier.opcoId, null)
  const view = dossierView(record, {
    role: 'staff',
    levels: settings.levels,
    now,
    opco: () => opco,
  })
  const action = view.nextAction
  if (!action || (action.actor !== 'company' && action.actor !== 'trainer')) return false
  const kind = reminderKind(action, settings.levels, now)
  const trainer = context.trainers.get(dossier.trainerId)
  if (!kind || !trainer) return false
  const facts = mailFacts(dossier, opco, settings.publicUrl())
  const pecStep = stateOf(record) === 'documents_sent'
  const at = new Date(now).toISOString()
  const topic = `dossier.reminder`
  const rows = [
    await dossierMailRow(
      dossier.id,
      'trainer',
      topic,
      at,
      reminderMail({ role: 'trainer', person: trainer }, facts, action, kind, pecStep),
    ),
  ]
  if (action.actor === 'company') {
    const contact = await findMemberByEmail(db, dossier.companyContactEmail)
    const person = {
      name: contact?.name ?? dossier.companyName,
      email: dossier.companyContactEmail,
    }
    rows.unshift(
      await dossierMailRow(
        dossier.id,
        'company',
        topic,
        at,
        reminderMail({ role: 'company', person }, facts, action, kind, pecStep),
      ),
    )
  }
  return insertReminder(
    db,
    {
      dossierId: dossier.id,
      version: dossier.version,
      day,
      kind,
      at,
      recipients: action.actor === 'company' ? 'company,trainer' : 'trainer',
    },
    rows,
  )
}
