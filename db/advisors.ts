/** Reading and writing advisors, their weekly hours and their days off. */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { AdvisorSettings, AdvisorSummary } from '../api/contracts/advisors'
import type { Db } from './client'
import { preparedOnce } from './prepared'
import { advisorDaysOff, advisors } from './schema'

export type Advisor = typeof advisors.$inferSelect
export type AdvisorOrigin = 'seed' | 'admin'

const advisorQuery = preparedOnce((db) =>
  db
    .select()
    .from(advisors)
    .where(eq(advisors.id, sql.placeholder('id')))
    .limit(1)
    .prepare(),
)

export async function findAdvisor(db: Db, id: string): Promise<Advisor | null> {
  return (await advisorQuery(db).all({ id }))[0] ?? null
}

/** The advisors a visitor can book, by name, with the ways they can be called. */
export async function activeAdvisors(db: Db): Promise<AdvisorSummary[]> {
  const rows = await db
    .select({ id: advisors.id, name: advisors.name, videoUrl: advisors.videoUrl })
    .from(advisors)
    .where(eq(advisors.active, true))
    .orderBy(asc(advisors.name), asc(advisors.id))
  return rows.map(({ id, name, videoUrl }) => ({
    id,
    name,
    callModes: videoUrl ? ['phone', 'video'] : ['phone'],
  }))
}

export async function allAdvisors(db: Db): Promise<Advisor[]> {
  return db.select().from(advisors).orderBy(asc(advisors.id))
}

/** Creates or replaces an advisor's settings; true when it was created. */
export async function putAdvisor(
  db: Db,
  id: string,
  settings: AdvisorSettings,
  origin: AdvisorOrigin,
  at: string,
): Promise<boolean> {
  // Written out, so a PUT without a video room removes the one set before.
  const values = { ...settings, videoUrl: settings.videoUrl ?? null, origin, updatedAt: at }
  const existed = (await findAdvisor(db, id)) !== null
  await db
    .insert(advisors)
    .values({ id, ...values })
    .onConflictDoUpdate({ target: advisors.id, set: values })
  return !existed
}

const daysOffQuery = preparedOnce((db) =>
  db
    .select({ date: advisorDaysOff.date, reason: advisorDaysOff.reason })
    .from(advisorDaysOff)
    .where(
      and(
        eq(advisorDaysOff.advisorId, sql.placeholder('advisorId')),
        gte(advisorDaysOff.date, sql.placeholder('from')),
        lte(advisorDaysOff.date, sql.placeholder('to')),
      ),
    )
    .orderBy(asc(advisorDaysOff.date))
    .prepare(),
)

/** Days off on `from`…`to` (Paris dates, both included). */
export async function daysOff(
  db: Db,
  advisorId: string,
  from: string,
  to: string,
): Promise<{ date: string; reason: string | null }[]> {
  return daysOffQuery(db).all({ advisorId, from, to })
}

export async function putDayOff(
  db: Db,
  advisorId: string,
  date: string,
  reason: string | null,
): Promise<void> {
  await db
    .insert(advisorDaysOff)
    .values({ advisorId, date, reason })
    .onConflictDoUpdate({
      target: [advisorDaysOff.advisorId, advisorDaysOff.date],
      set: { reason },
    })
}

/** Removes a day off; false when there was none. */
export async function deleteDayOff(db: Db, advisorId: string, date: string): Promise<boolean> {
  const result = await db
    .delete(advisorDaysOff)
    .where(and(eq(advisorDaysOff.advisorId, advisorId), eq(advisorDaysOff.date, date)))
  return result.rowsAffected > 0
}
