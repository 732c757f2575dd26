/** GET /v1/advisors and /v1/advisors/:id/slots — who can be booked, and their free calls. */
import { Hono } from 'hono'
import {
  ADVISOR_TIME_ZONE,
  AdvisorParam,
  SLOT_LIST_MAX_DAYS,
  SlotsQuery,
  type AdvisorList,
  type SlotList,
} from '../contracts/advisors'
import { activeAdvisors, findAdvisor } from '../../db/advisors'
import { addDays, daysBetween, isoInstant, parisDate } from '../domain/calendar'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import { advisorFreeSlots } from '../services/availability'
import type { Clock } from '../services/clock'
import { ADVISOR_HEADERS, jsonResponse, NO_STORE_HEADERS } from './json-response'

/** Two weeks by default: what the picker shows first. */
const DEFAULT_SPAN_DAYS = 14

export function advisorRoutes(clock: Clock) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const body: AdvisorList = { items: await activeAdvisors(c.var.db) }
      return jsonResponse(JSON.stringify(body), ADVISOR_HEADERS)
    })
    .get(
      '/:id/slots',
      validate('param', AdvisorParam),
      validate('query', SlotsQuery),
      async (c) => {
        const { id } = c.req.valid('param')
        const query = c.req.valid('query')
        const now = clock.now()
        const from = query.from ?? parisDate(now)
        const to = query.to ?? addDays(from, DEFAULT_SPAN_DAYS - 1)
        const span = daysBetween(from, to) + 1
        if (span < 1 || span > SLOT_LIST_MAX_DAYS) {
          throw new ProblemError(
            'validation-error',
            span < 1
              ? `La date de fin (${to}) précède la date de début (${from}).`
              : `Au plus ${SLOT_LIST_MAX_DAYS} jours par demande : demandez la suite à partir du ${addDays(from, SLOT_LIST_MAX_DAYS)}.`,
            {
              errors: [
                {
                  pointer: '/query/to',
                  detail:
                    span < 1
                      ? 'Une date égale ou postérieure à from.'
                      : `Au plus ${SLOT_LIST_MAX_DAYS - 1} jours après from (${addDays(from, SLOT_LIST_MAX_DAYS - 1)}).`,
                },
              ],
            },
          )
        }
        const advisor = await findAdvisor(c.var.db, id)
        if (!advisor?.active) throw new ProblemError('unknown-advisor', `Aucun conseiller ${id}.`)
        const slots = await advisorFreeSlots(c.var.db, advisor, { from, to }, now)
        const body: SlotList = {
          timeZone: ADVISOR_TIME_ZONE,
          advisorId: advisor.id,
          from,
          to,
          slots: slots.map((slot) => ({
            start: isoInstant(slot.start),
            end: isoInstant(slot.end),
          })),
        }
        return jsonResponse(JSON.stringify(body), NO_STORE_HEADERS)
      },
    )
}
