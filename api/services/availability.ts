/** An advisor's free slots read from the database: the stored rules, days off and bookings, through the pure slot engine. */
import { ADVISOR_TIME_ZONE } from '../contracts/advisors'
import type { Advisor } from '../../db/advisors'
import { daysOff } from '../../db/advisors'
import { confirmedBookings } from '../../db/bookings'
import type { Db } from '../../db/client'
import { parisDays } from '../domain/calendar'
import { freeSlots, type AvailabilityRules, type Interval } from '../domain/slots'

const MINUTE_MS = 60_000

export function availabilityRules(advisor: Advisor, offDates: Iterable<string>): AvailabilityRules {
  return {
    timeZone: ADVISOR_TIME_ZONE,
    slotMinutes: advisor.slotMinutes,
    bufferMinutes: advisor.bufferMinutes,
    minNoticeMinutes: advisor.minNoticeMinutes,
    horizonDays: advisor.horizonDays,
    weeklyHours: advisor.weeklyHours,
    daysOff: new Set(offDates),
  }
}

/** The advisor's free slots on the Paris dates `from`…`to`, as they stand at `now`. */
export async function advisorFreeSlots(
  db: Db,
  advisor: Advisor,
  range: { from: string; to: string },
  now: number,
): Promise<Interval[]> {
  // Calls booked just outside the range still clash through the buffer.
  const margin = advisor.bufferMinutes * MINUTE_MS
  const days = parisDays(range.from, range.to)
  const from = new Date(days.start - margin).toISOString()
  const to = new Date(days.end + margin).toISOString()
  const [offDays, booked] = await Promise.all([
    daysOff(db, advisor.id, range.from, range.to),
    confirmedBookings(db, advisor.id, from, to),
  ])
  const rules = availabilityRules(
    advisor,
    offDays.map((day) => day.date),
  )
  const busy = booked.map((call) => ({
    start: Date.parse(call.startAt),
    end: Date.parse(call.endAt),
  }))
  return freeSlots(rules, busy, range, now)
}
