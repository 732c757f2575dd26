/**
 * /v1/admin/advisors and /v1/admin/bookings — advisors' settings, weekly hours and days off, and
 * the bookings recorded for them with their context. Behind the admin bearer token (app.ts).
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { AdvisorId, AdvisorParam, AdvisorSettings, DayOff, IsoDate } from '../contracts/advisors'
import { BookingParam } from '../contracts/bookings'
import {
  allAdvisors,
  daysOff,
  deleteDayOff,
  findAdvisor,
  putAdvisor,
  putDayOff,
  type Advisor,
} from '../../db/advisors'
import { advisorBookings, findBooking, type Booking } from '../../db/bookings'
import { addDays, parisDate, parisDays } from '../domain/calendar'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

const DayOffParam = z.object({ id: AdvisorId, date: IsoDate })
const RangeQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })

/** An advisor as the admin sees it: everything but the bookkeeping columns. */
function settingsOf(advisor: Advisor) {
  const { origin, updatedAt, ...settings } = advisor
  return { ...settings, origin, updatedAt }
}

/** A booking as the advisor sees it: all but the hash of the visitor's manage token. */
function recordOf(booking: Booking) {
  const { manageTokenHash: _hidden, startAt, endAt, ...rest } = booking
  return { ...rest, start: startAt, end: endAt }
}

async function existingAdvisor(db: AppEnv['Variables']['db'], id: string): Promise<Advisor> {
  const advisor = await findAdvisor(db, id)
  if (!advisor) throw new ProblemError('unknown-advisor', `Aucun conseiller ${id}.`)
  return advisor
}

const json = (body: unknown, status = 200) =>
  jsonResponse(JSON.stringify(body), NO_STORE_HEADERS, status)

export function adminAdvisorRoutes(clock: Clock) {
  return new Hono<AppEnv>()
    .get('/advisors', async (c) => json({ items: (await allAdvisors(c.var.db)).map(settingsOf) }))
    .get('/advisors/:id', validate('param', AdvisorParam), async (c) => {
      const advisor = await existingAdvisor(c.var.db, c.req.valid('param').id)
      const today = parisDate(clock.now())
      const upcoming = await daysOff(c.var.db, advisor.id, today, addDays(today, 366))
      return json({ ...settingsOf(advisor), daysOff: upcoming })
    })
    .put(
      '/advisors/:id',
      validate('param', AdvisorParam),
      validate('json', AdvisorSettings),
      async (c) => {
        const { id } = c.req.valid('param')
        const settings = c.req.valid('json')
        const at = new Date(clock.now()).toISOString()
        const created = await putAdvisor(c.var.db, id, settings, 'admin', at)
        return json(settingsOf(await existingAdvisor(c.var.db, id)), created ? 201 : 200)
      },
    )
    .put(
      '/advisors/:id/days-off/:date',
      validate('param', DayOffParam),
      validate('json', DayOff),
      async (c) => {
        const { id, date } = c.req.valid('param')
        await existingAdvisor(c.var.db, id)
        const reason = c.req.valid('json').reason ?? null
        await putDayOff(c.var.db, id, date, reason)
        return json({ advisorId: id, date, reason })
      },
    )
    .delete('/advisors/:id/days-off/:date', validate('param', DayOffParam), async (c) => {
      const { id, date } = c.req.valid('param')
      await existingAdvisor(c.var.db, id)
      if (!(await deleteDayOff(c.var.db, id, date))) {
        throw new ProblemError('not-found', `${date} n’est pas un jour de congé de ${id}.`)
      }
      return new Response(null, { status: 204, headers: NO_STORE_HEADERS })
    })
    .get(
      '/advisors/:id/bookings',
      validate('param', AdvisorParam),
      validate('query', RangeQuery),
      async (c) => {
        const advisor = await existingAdvisor(c.var.db, c.req.valid('param').id)
        const query = c.req.valid('query')
        const from = query.from ?? parisDate(clock.now())
        const to = query.to ?? addDays(from, advisor.horizonDays)
        const days = parisDays(from, to)
        const rows = await advisorBookings(
          c.var.db,
          advisor.id,
          new Date(days.start).toISOString(),
          new Date(days.end).toISOString(),
        )
        return json({ advisorId: advisor.id, from, to, items: rows.map(recordOf) })
      },
    )
    .get('/bookings/:id', validate('param', BookingParam), async (c) => {
      const booking = await findBooking(c.var.db, c.req.valid('param').id)
      if (!booking) throw new ProblemError('not-found', 'Aucun rendez-vous avec cet identifiant.')
      return json(recordOf(booking))
    })
}
