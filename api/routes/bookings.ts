/**
 * POST /v1/bookings, GET /v1/bookings/:id(.ics) and POST /v1/bookings/:id/cancel — a call booked on
 * an offered slot, at most once per slot (the database decides), with its calendar event and a
 * manage token that is shown once and stored hashed.
 */
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { ADVISOR_TIME_ZONE } from '../contracts/advisors'
import {
  BookingId,
  BookingParam,
  BookingRequest,
  ManageTokenQuery,
  type BookingConfirmation,
  type BookingView,
} from '../contracts/bookings'
import { daysOff, findAdvisor, type Advisor } from '../../db/advisors'
import { cancelBooking, findBooking, insertBooking, type Booking } from '../../db/bookings'
import type { Db } from '../../db/client'
import { callDescription, callSummary } from '../domain/booking-text'
import { parisDate } from '../domain/calendar'
import { bookingCalendar, calendarFileName } from '../domain/ics'
import { bookableDates, freeSlots, type AvailabilityRules } from '../domain/slots'
import type { AppEnv } from '../env'
import { maxBodySize } from '../middleware/body-size'
import { idempotency } from '../middleware/idempotency'
import { ProblemError } from '../middleware/problem'
import { API_HEADERS } from '../middleware/response-headers'
import { validate } from '../middleware/validate'
import { availabilityRules } from '../services/availability'
import type { Clock } from '../services/clock'
import type { OutboxDispatcher } from '../services/outbox-dispatcher'
import { randomToken, tokenHash, tokenMatches } from '../services/secrets'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

/** A booking with a long message and a simulation context stays well under this. */
const MAX_BODY_BYTES = 16 * 1024
const MINUTE_MS = 60_000

const CalendarParam = z.object({ file: z.string() })

const iso = (instant: number) => new Date(instant).toISOString()

/** Why a start is not an offered slot, in the visitor's words. */
function unavailableDetail(
  advisor: Advisor,
  rules: AvailabilityRules,
  start: number,
  now: number,
): string {
  if (start < now + advisor.minNoticeMinutes * MINUTE_MS) {
    const hours = advisor.minNoticeMinutes / 60
    return `Ce créneau est trop proche : un appel se réserve au moins ${Number.isInteger(hours) ? `${hours} h` : `${advisor.minNoticeMinutes} min`} à l’avance.`
  }
  if (parisDate(start) > bookableDates(rules, now).to) {
    return `Ce créneau est trop loin : un appel se réserve au plus ${advisor.horizonDays} jours à l’avance.`
  }
  return `${advisor.name} ne propose pas de créneau à cette heure : choisissez-en un parmi GET /v1/advisors/${advisor.id}/slots.`
}

/** The advisor's notification: everything needed to call the visitor back, and the context. */
function notificationPayload(topic: string, booking: Booking, advisor: Advisor): string {
  return JSON.stringify({
    type: topic,
    booking: {
      id: booking.id,
      status: booking.status,
      start: booking.startAt,
      end: booking.endAt,
      timeZone: ADVISOR_TIME_ZONE,
      advisor: { id: advisor.id, name: advisor.name, email: advisor.email },
      visitor: {
        name: booking.name,
        email: booking.email,
        phone: booking.phone,
        company: booking.company,
        message: booking.message,
      },
      context: booking.context,
      lang: booking.lang,
      createdAt: booking.createdAt,
      cancelledAt: booking.cancelledAt,
    },
  })
}

function view(booking: Booking): BookingView {
  return {
    id: booking.id,
    advisorId: booking.advisorId,
    start: booking.startAt,
    end: booking.endAt,
    status: booking.status as BookingView['status'],
  }
}

/** The booking, if the token is its manage token; the same 404 otherwise, so ids cannot be probed. */
async function bookingWithToken(db: Db, id: string, token: string): Promise<Booking> {
  const booking = await findBooking(db, id)
  if (!booking || !(await tokenMatches(token, booking.manageTokenHash))) {
    throw new ProblemError(
      'unknown-booking',
      'Aucun rendez-vous ne correspond à ce lien : vérifiez qu’il est complet.',
    )
  }
  return booking
}

/** A booking's advisor: the foreign key guarantees one, advisors are deactivated, never deleted. */
async function advisorOf(db: Db, booking: Booking): Promise<Advisor> {
  const advisor = await findAdvisor(db, booking.advisorId)
  if (!advisor) throw new Error(`booking ${booking.id} has no advisor ${booking.advisorId}`)
  return advisor
}

export function bookingRoutes(options: {
  clock: Clock
  dispatcher: OutboxDispatcher
  /** Origin of the links answered (PUBLIC_URL): the Host header is the client's to choose. */
  publicUrl: () => string
  idempotencyScope: (c: Context) => string
}) {
  const { clock, dispatcher } = options

  /** Sends the notification now, without holding the answer; on Workers the isolate waits for it. */
  const deliverSoon = (c: Context<AppEnv>) => {
    const delivery = dispatcher.deliverDue(c.var.db).catch((error: unknown) => {
      console.error('outbox delivery failed', error instanceof Error ? error.message : error)
    })
    try {
      c.executionCtx.waitUntil(delivery)
    } catch {
      // Node has no execution context: the promise runs on its own.
    }
  }

  return new Hono<AppEnv>()
    .post(
      '/',
      maxBodySize(MAX_BODY_BYTES),
      idempotency({ clock, db: (c) => c.var.db, scope: options.idempotencyScope }),
      validate('json', BookingRequest),
      async (c) => {
        const request = c.req.valid('json')
        const db = c.var.db
        const now = clock.now()
        const advisor = await findAdvisor(db, request.advisorId)
        if (!advisor?.active) {
          throw new ProblemError('validation-error', `Aucun conseiller ${request.advisorId}.`, {
            errors: [
              { pointer: '/body/advisorId', detail: 'Conseiller inconnu : voir GET /v1/advisors.' },
            ],
          })
        }
        const start = Date.parse(request.start)
        const date = parisDate(start)
        const offDays = await daysOff(db, advisor.id, date, date)
        const rules = availabilityRules(
          advisor,
          offDays.map((day) => day.date),
        )
        const slot = freeSlots(rules, [], { from: date, to: date }, now).find(
          (offered) => offered.start === start,
        )
        if (!slot) {
          throw new ProblemError('slot-unavailable', unavailableDetail(advisor, rules, start, now))
        }

        const token = randomToken()
        const id = crypto.randomUUID()
        const createdAt = iso(now)
        const booking: Booking = {
          id,
          advisorId: advisor.id,
          startAt: iso(slot.start),
          endAt: iso(slot.end),
          status: 'confirmed',
          name: request.name,
          email: request.email,
          phone: request.phone ?? null,
          company: request.company ?? null,
          message: request.message ?? null,
          context: request.context ?? null,
          lang: request.lang,
          manageTokenHash: await tokenHash(token),
          createdAt,
          cancelledAt: null,
        }
        const buffer = advisor.bufferMinutes * MINUTE_MS
        const booked = await insertBooking(
          db,
          booking,
          { from: iso(slot.start - buffer), to: iso(slot.end + buffer) },
          {
            id: crypto.randomUUID(),
            topic: 'booking.confirmed',
            payload: notificationPayload('booking.confirmed', booking, advisor),
            at: createdAt,
          },
        )
        if (!booked) {
          throw new ProblemError(
            'slot-taken',
            'Ce créneau vient d’être réservé par quelqu’un d’autre : choisissez-en un autre.',
          )
        }
        deliverSoon(c)

        const base = new URL(`/v1/bookings/${id}`, options.publicUrl()).href
        const query = `?token=${encodeURIComponent(token)}`
        const body: BookingConfirmation = {
          ...view(booking),
          manageToken: token,
          icsUrl: `${base}.ics${query}`,
          cancelUrl: `${base}/cancel${query}`,
        }
        return jsonResponse(JSON.stringify(body), { ...NO_STORE_HEADERS, Location: base }, 201)
      },
    )
    .get(
      '/:file{[^/]+\\.ics}',
      validate('param', CalendarParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const id = BookingId.safeParse(c.req.valid('param').file.slice(0, -'.ics'.length))
        if (!id.success)
          throw new ProblemError('unknown-booking', 'Aucun rendez-vous à cette adresse.')
        const booking = await bookingWithToken(c.var.db, id.data, c.req.valid('query').token)
        const advisor = await advisorOf(c.var.db, booking)
        const lang = booking.lang === 'en' ? 'en' : 'fr'
        const opcoId = booking.context?.opcoId
        const opcoName = opcoId ? ((await c.var.catalog()).opcos.get(opcoId)?.name ?? null) : null
        const cancelled = booking.status === 'cancelled'
        const calendar = bookingCalendar({
          uid: booking.id,
          sequence: cancelled ? 1 : 0,
          status: cancelled ? 'cancelled' : 'confirmed',
          start: booking.startAt,
          end: booking.endAt,
          stampedAt: booking.cancelledAt ?? booking.createdAt,
          summary: callSummary({ advisorName: advisor.name, lang }),
          description: callDescription({ ...booking, advisorName: advisor.name, opcoName, lang }),
          organizer: { name: advisor.name, email: advisor.email },
          attendee: { name: booking.name, email: booking.email },
        })
        return new Response(calendar, {
          headers: {
            ...API_HEADERS,
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': `attachment; filename="${calendarFileName(booking.id)}"`,
            'Cache-Control': 'private, no-store',
          },
        })
      },
    )
    .get(
      '/:id',
      validate('param', BookingParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const { id } = c.req.valid('param')
        const booking = await bookingWithToken(c.var.db, id, c.req.valid('query').token)
        return jsonResponse(JSON.stringify(view(booking)), NO_STORE_HEADERS)
      },
    )
    .post(
      '/:id/cancel',
      validate('param', BookingParam),
      validate('query', ManageTokenQuery),
      async (c) => {
        const { id } = c.req.valid('param')
        const db = c.var.db
        const booking = await bookingWithToken(db, id, c.req.valid('query').token)
        // Cancelling twice is not an error: the second answer says what the first did.
        if (booking.status === 'cancelled') {
          return jsonResponse(JSON.stringify(view(booking)), NO_STORE_HEADERS)
        }
        const now = clock.now()
        if (Date.parse(booking.startAt) <= now) {
          throw new ProblemError(
            'booking-started',
            'Ce rendez-vous a déjà commencé : il ne peut plus être annulé.',
          )
        }
        const advisor = await advisorOf(db, booking)
        const cancelled: Booking = { ...booking, status: 'cancelled', cancelledAt: iso(now) }
        const changed = await cancelBooking(db, id, iso(now), {
          id: crypto.randomUUID(),
          topic: 'booking.cancelled',
          payload: notificationPayload('booking.cancelled', cancelled, advisor),
          at: iso(now),
        })
        if (changed) deliverSoon(c)
        // A concurrent cancellation won the race: answer what it stored.
        const current = changed ? cancelled : ((await findBooking(db, id)) ?? cancelled)
        return jsonResponse(JSON.stringify(view(current)), NO_STORE_HEADERS)
      },
    )
}
