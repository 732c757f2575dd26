/**
 * Dossiers and their append-only events. A step is written only if the dossier still has the
 * version its writer read: the version bump, the event and its notifications go in one transaction,
 * each statement conditional on the one before, so two writers racing on one version leave one
 * event, and a refused step leaves nothing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DossierScope } from '../api/domain/dossier-access'
import type { Db } from './client'
import { notificationIfChanged } from './bookings'
import type { QueuedNotification } from './members'
import { dossierEvents, dossierInvitations, dossierReminders, dossiers, members } from './schema'

export type Dossier = typeof dossiers.$inferSelect
export type DossierEvent = typeof dossierEvents.$inferSelect
export type DossierReminder = typeof dossierReminders.$inferSelect

/** A dossier with its trainer's name, its events oldest first and its reminders. */
export interface DossierRecord {
  dossier: Dossier
  trainerName: string
  events: DossierEvent[]
  reminders: DossierReminder[]
  /** The members invited to follow it. */
  invited: string[]
}

/** Opens a dossier with its first event (the validated session) and its notifications. */
export async function insertDossier(
  db: Db,
  dossier: Dossier,
  first: DossierEvent,
  notifications: readonly QueuedNotification[],
): Promise<void> {
  await db.batch([
    db.insert(dossiers).values(dossier),
    db.insert(dossierEvents).values(first),
    ...notifications.map((notification) => notificationIfChanged(db, notification)),
  ])
}

/** Appends an event at `expectedVersion + 1`; false when the dossier no longer has that version. */
export async function appendEvent(
  db: Db,
  event: DossierEvent,
  expectedVersion: number,
  notifications: readonly QueuedNotification[],
): Promise<boolean> {
  const e = event
  const [bumped] = await db.batch([
    db.run(sql`
      update ${dossiers} set version = ${expectedVersion + 1}
      where id = ${e.dossierId} and version = ${expectedVersion}`),
    db.run(sql`
      insert into ${dossierEvents} (dossier_id, sequence, type, state, at, actor_id, actor_role, actor_name, note, data, documents)
      select ${e.dossierId}, ${expectedVersion + 1}, ${e.type}, ${e.state}, ${e.at}, ${e.actorId}, ${e.actorRole}, ${e.actorName}, ${e.note}, ${JSON.stringify(e.data)}, ${JSON.stringify(e.documents)}
      where changes() = 1`),
    ...notifications.map((notification) => notificationIfChanged(db, notification)),
  ])
  return bumped.rowsAffected === 1
}

function scopeFilter(scope: DossierScope) {
  if (scope.field === 'all') return undefined
  if (scope.field === 'trainerId') return eq(dossiers.trainerId, scope.value)
  return and(
    eq(dossiers.companySiret, scope.value),
    scope.invitedMember === null
      ? undefined
      : sql`exists (select 1 from ${dossierInvitations} as invitation
          where invitation.dossier_id = ${dossiers.id} and invitation.member_id = ${scope.invitedMember})`,
  )
}

/** Its last event (`sequence = version`) left it neither closed nor cancelled. */
const stillOpen = sql`exists (
  select 1 from ${dossierEvents} as last
  where last.dossier_id = ${dossiers.id} and last.sequence = ${dossiers.version}
    and last.state not in ('closed', 'cancelled'))`

/** The dossiers a scope sees (all of them: the list's filters are computed), with their history. */
export async function visibleDossiers(
  db: Db,
  scope: DossierScope,
  only: { id?: string; open?: boolean } = {},
): Promise<DossierRecord[]> {
  const rows = await db
    .select({ dossier: dossiers, trainerName: members.name })
    .from(dossiers)
    .innerJoin(members, eq(members.id, dossiers.trainerId))
    .where(
      and(
        scopeFilter(scope),
        only.id === undefined ? undefined : eq(dossiers.id, only.id),
        only.open ? stillOpen : undefined,
      ),
    )
    .orderBy(asc(dossiers.createdAt), asc(dossiers.id))
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.dossier.id)
  const [events, reminders, invitations] = await Promise.all([
    db
      .select()
      .from(dossierEvents)
      .where(inArray(dossierEvents.dossierId, ids))
      .orderBy(asc(dossierEvents.dossierId), asc(dossierEvents.sequence)),
    db
      .select()
      .from(dossierReminders)
      .where(inArray(dossierReminders.dossierId, ids))
      .orderBy(asc(dossierReminders.at)),
    db
      .select({ dossierId: dossierInvitations.dossierId, memberId: dossierInvitations.memberId })
      .from(dossierInvitations)
      .where(inArray(dossierInvitations.dossierId, ids)),
  ])
  return rows.map((row) => ({
    ...row,
    events: events.filter((event) => event.dossierId === row.dossier.id),
    reminders: reminders.filter((reminder) => reminder.dossierId === row.dossier.id),
    invited: invitations
      .filter((invitation) => invitation.dossierId === row.dossier.id)
      .map((invitation) => invitation.memberId),
  }))
}

/** Dossiers not closed or cancelled, whatever their scope: what the reminder round looks at. */
export function openDossiers(db: Db): Promise<DossierRecord[]> {
  return visibleDossiers(db, { field: 'all' }, { open: true })
}

/**
 * Records a reminder and queues its e-mails, unless one was already sent that day for that step:
 * the primary key decides, so two rounds at once send one. False when there was one.
 */
export async function insertReminder(
  db: Db,
  reminder: DossierReminder,
  notifications: readonly QueuedNotification[],
): Promise<boolean> {
  const [inserted] = await db.batch([
    db.insert(dossierReminders).values(reminder).onConflictDoNothing(),
    ...notifications.map((notification) => notificationIfChanged(db, notification)),
  ])
  return inserted.rowsAffected === 1
}

/** Records that a member was invited to follow a dossier; again is a no-op. */
export async function insertInvitation(
  db: Db,
  invitation: { dossierId: string; memberId: string; invitedBy: string; at: string },
): Promise<void> {
  await db.insert(dossierInvitations).values(invitation).onConflictDoNothing()
}
