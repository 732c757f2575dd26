/** When a visitor's reminder of a booked call goes out, if at all. Pure. */

const HOUR_MS = 3_600_000

/** The day before: the reminder is due 24 h before the call starts. */
export const REMINDER_BEFORE_MS = 24 * HOUR_MS

/**
 * A reminder that would arrive within 12 h of its confirmation repeats it: a call booked less than
 * 36 h ahead gets none, the confirmation (with the date, the .ics and the links) being fresh.
 */
export const REMINDER_MIN_GAP_MS = 12 * HOUR_MS

/** The instant the reminder is due, or null when the call gets none. */
export function reminderAt(start: number, bookedAt: number): number | null {
  const due = start - REMINDER_BEFORE_MS
  return due - bookedAt >= REMINDER_MIN_GAP_MS ? due : null
}

/** A reminder held back past the call's start (a mail server down for a day) is no use any more. */
export function reminderStillUseful(start: number, now: number): boolean {
  return now < start
}
