/**
 * An advisor's free slots: weekly windows in Paris wall-clock time, cut into calls, less days off,
 * calls already booked (with the buffer around them), the minimum notice and the horizon. Pure.
 */
import type { WeeklyWindow } from '../contracts/advisors'
import { addDays, daysBetween, parisDate, weekdayOf, zonedInstant } from './calendar'

const MINUTE_MS = 60_000

export interface AvailabilityRules {
  timeZone: string
  slotMinutes: number
  bufferMinutes: number
  minNoticeMinutes: number
  horizonDays: number
  weeklyHours: readonly WeeklyWindow[]
  /** Dates (YYYY-MM-DD, in the rules' zone) the advisor does not work. */
  daysOff: ReadonlySet<string>
}

/** A span of time as UTC instants (milliseconds since the epoch), `end` excluded. */
export interface Interval {
  start: number
  end: number
}

/**
 * Every call the rules offer on the dates `from`…`to` (both included), whether booked or not. A
 * window is the real time between its two wall-clock bounds, so a window across a change of
 * offset is an hour shorter or longer, and its calls follow one another without a gap.
 */
export function offeredSlots(rules: AvailabilityRules, from: string, to: string): Interval[] {
  const slotMs = rules.slotMinutes * MINUTE_MS
  const slots: Interval[] = []
  for (let date = from; daysBetween(date, to) >= 0; date = addDays(date, 1)) {
    if (rules.daysOff.has(date)) continue
    const day = weekdayOf(date)
    const windows = rules.weeklyHours
      .filter((window) => window.day === day)
      .map((window) => ({
        start: zonedInstant(date, window.from, rules.timeZone),
        end: zonedInstant(
          window.to === '24:00' ? addDays(date, 1) : date,
          window.to === '24:00' ? '00:00' : window.to,
          rules.timeZone,
        ),
      }))
    for (const window of windows) {
      for (let start = window.start; start + slotMs <= window.end; start += slotMs) {
        slots.push({ start, end: start + slotMs })
      }
    }
  }
  // Overlapping windows an admin entered twice must not offer a call twice.
  return slots
    .sort((a, b) => a.start - b.start)
    .filter((slot, index) => slot.start !== slots[index - 1]?.start)
}

/** Whether a call clashes with a booked one, counting the buffer on both sides of the booked call. */
export function clashes(slot: Interval, booked: Interval, bufferMinutes: number): boolean {
  const buffer = bufferMinutes * MINUTE_MS
  return booked.start < slot.end + buffer && slot.start < booked.end + buffer
}

/** The first and last dates a visitor may book at `now`: today (notice permitting) to today + horizon. */
export function bookableDates(rules: AvailabilityRules, now: number): { from: string; to: string } {
  const today = parisDate(now)
  return { from: today, to: addDays(today, rules.horizonDays) }
}

/** The free calls on `from`…`to`, clipped to what can still be booked at `now`. */
export function freeSlots(
  rules: AvailabilityRules,
  booked: readonly Interval[],
  range: { from: string; to: string },
  now: number,
): Interval[] {
  const bookable = bookableDates(rules, now)
  const from = range.from > bookable.from ? range.from : bookable.from
  const to = range.to < bookable.to ? range.to : bookable.to
  if (from > to) return []
  const earliest = now + rules.minNoticeMinutes * MINUTE_MS
  const buffer = rules.bufferMinutes * MINUTE_MS
  // One pass over both lists in start order, not every slot against every call: a dense month is
  // thousands of each. The calls starting before a slot's end (buffer included) only grow, and the
  // slot clashes (as in `clashes`) when the latest end among them reaches past its start.
  const calls = [...booked].sort((a, b) => a.start - b.start)
  let next = 0
  let latestEnd = -Infinity
  return offeredSlots(rules, from, to).filter((slot) => {
    for (; next < calls.length && calls[next]!.start < slot.end + buffer; next++) {
      latestEnd = Math.max(latestEnd, calls[next]!.end)
    }
    return slot.start >= earliest && latestEnd + buffer <= slot.start
  })
}
