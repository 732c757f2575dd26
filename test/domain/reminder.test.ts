import { describe, expect, it } from 'vitest'
import { reminderAt, reminderStillUseful } from '../../api/domain/reminder'

const at = (iso: string) => Date.parse(iso)
const START = at('2026-11-23T08:00:00Z')

describe('reminderAt', () => {
  it.each([
    // Booked on Friday for Monday 09:00 Paris: the reminder goes on Sunday at the same hour.
    ['2026-11-20T08:00:00Z', '2026-11-22T08:00:00Z'],
    // Exactly 36 h ahead: the reminder comes 12 h after the confirmation, the least gap allowed.
    ['2026-11-21T20:00:00Z', '2026-11-22T08:00:00Z'],
    // Less than 36 h ahead: the confirmation is fresh enough, no reminder.
    ['2026-11-21T20:00:01Z', null],
    ['2026-11-23T06:00:00Z', null],
  ])('a call booked at %s is reminded at %s', (bookedAt, expected) => {
    const due = reminderAt(START, at(bookedAt))
    expect(due === null ? null : new Date(due).toISOString().replace('.000', '')).toBe(expected)
  })
})

describe('reminderStillUseful', () => {
  it.each([
    ['2026-11-22T08:00:00Z', true],
    ['2026-11-23T07:59:59Z', true],
    ['2026-11-23T08:00:00Z', false],
  ])('at %s: %s', (now, useful) => {
    expect(reminderStillUseful(START, at(now))).toBe(useful)
  })
})
