import { describe, expect, it } from 'vitest'
import type { WeeklyWindow } from '../../api/contracts/advisors'
import {
  clashes,
  freeSlots,
  offeredSlots,
  type AvailabilityRules,
  type Interval,
} from '../../api/domain/slots'
import advisorsFile from '../../db/data/advisors.json'

const MINUTE = 60_000
const seeded = advisorsFile.advisors[0]!

/** The seeded advisor's rules (db/data/advisors.json): Mon–Fri 09:00–12:00 and 14:00–17:30, 30 min. */
function rules(overrides: Partial<AvailabilityRules> = {}): AvailabilityRules {
  return {
    timeZone: 'Europe/Paris',
    slotMinutes: seeded.slotMinutes,
    bufferMinutes: seeded.bufferMinutes,
    minNoticeMinutes: seeded.minNoticeMinutes,
    horizonDays: seeded.horizonDays,
    weeklyHours: seeded.weeklyHours as WeeklyWindow[],
    daysOff: new Set(),
    ...overrides,
  }
}

const at = (iso: string) => Date.parse(iso)
const starts = (slots: Interval[]) => slots.map((slot) => new Date(slot.start).toISOString())

describe('offeredSlots', () => {
  it('cuts the seeded week into 13 calls a day: 6 in the morning, 7 in the afternoon', () => {
    const monday = starts(offeredSlots(rules(), '2026-11-23', '2026-11-23'))
    expect(monday).toHaveLength(13)
    expect(monday[0]).toBe('2026-11-23T08:00:00.000Z')
    expect(monday[5]).toBe('2026-11-23T10:30:00.000Z')
    expect(monday[6]).toBe('2026-11-23T13:00:00.000Z')
    expect(monday.at(-1)).toBe('2026-11-23T16:00:00.000Z')
  })

  it('offers nothing on weekends', () => {
    expect(offeredSlots(rules(), '2026-11-21', '2026-11-22')).toEqual([])
  })

  // Paris changes offset on Sunday 2026-03-29 and Sunday 2026-10-25: 09:00 stays 09:00 on the
  // clock, so it moves by one hour in UTC from the Friday before to the Monday after.
  it.each([
    ['Friday before the spring change', '2026-03-27', '2026-03-27T08:00:00.000Z'],
    ['Monday after the spring change', '2026-03-30', '2026-03-30T07:00:00.000Z'],
    ['Friday before the autumn change', '2026-10-23', '2026-10-23T07:00:00.000Z'],
    ['Monday after the autumn change', '2026-10-26', '2026-10-26T08:00:00.000Z'],
  ])('%s: the first call is 09:00 Paris time, %s', (_case, date, firstStart) => {
    const day = offeredSlots(rules(), date, date)
    expect(day).toHaveLength(13)
    expect(new Date(day[0]!.start).toISOString()).toBe(firstStart)
  })

  describe('a window across the night of the change', () => {
    const night = (date: string) =>
      offeredSlots(
        rules({
          slotMinutes: 60,
          weeklyHours: [{ day: 'sunday', from: '00:00', to: '06:00' }],
        }),
        date,
        date,
      )

    it('holds six one-hour calls on an ordinary Sunday', () => {
      expect(night('2026-11-22')).toHaveLength(6)
    })

    it('is an hour shorter when clocks go forward (2026-03-29): five calls, back to back', () => {
      const slots = night('2026-03-29')
      expect(starts(slots)).toEqual([
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T00:00:00.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-03-29T02:00:00.000Z',
        '2026-03-29T03:00:00.000Z',
      ])
    })

    it('is an hour longer when clocks go back (2026-10-25): seven calls, none twice', () => {
      const slots = night('2026-10-25')
      expect(slots).toHaveLength(7)
      expect(new Set(starts(slots)).size).toBe(7)
      expect(starts(slots)[0]).toBe('2026-10-24T22:00:00.000Z')
      expect(new Date(slots.at(-1)!.end).toISOString()).toBe('2026-10-25T05:00:00.000Z')
    })
  })

  it('skips days off', () => {
    const week = offeredSlots(
      rules({ daysOff: new Set(['2026-11-24']) }),
      '2026-11-23',
      '2026-11-25',
    )
    expect(week).toHaveLength(26)
    expect(starts(week).some((start) => start.startsWith('2026-11-24'))).toBe(false)
  })

  it('never offers a call that would run past the end of its window', () => {
    const slots = offeredSlots(
      rules({ slotMinutes: 45, weeklyHours: [{ day: 'monday', from: '09:00', to: '10:00' }] }),
      '2026-11-23',
      '2026-11-23',
    )
    expect(starts(slots)).toEqual(['2026-11-23T08:00:00.000Z'])
  })

  it('offers a call once when an admin entered overlapping windows', () => {
    const slots = offeredSlots(
      rules({
        weeklyHours: [
          { day: 'monday', from: '09:00', to: '10:00' },
          { day: 'monday', from: '09:00', to: '10:00' },
        ],
      }),
      '2026-11-23',
      '2026-11-23',
    )
    expect(slots).toHaveLength(2)
  })

  it('reads 24:00 as the end of the day', () => {
    const slots = offeredSlots(
      rules({ weeklyHours: [{ day: 'monday', from: '23:00', to: '24:00' }] }),
      '2026-11-23',
      '2026-11-23',
    )
    expect(starts(slots)).toEqual(['2026-11-23T22:00:00.000Z', '2026-11-23T22:30:00.000Z'])
  })
})

describe('freeSlots', () => {
  const monday = { from: '2026-11-23', to: '2026-11-23' }

  it('keeps the minimum notice: at 09:30 Paris with 2 h notice, the first call is 11:30', () => {
    const free = freeSlots(rules(), [], monday, at('2026-11-23T08:30:00Z'))
    expect(starts(free)[0]).toBe('2026-11-23T10:30:00.000Z')
    expect(free).toHaveLength(8)
  })

  it('offers nothing within the notice, even on a later date', () => {
    const free = freeSlots(
      rules({ minNoticeMinutes: 72 * 60 }),
      [],
      monday,
      at('2026-11-22T10:00:00Z'),
    )
    expect(free).toEqual([])
  })

  it('stops at the horizon: 30 days after today, in Paris', () => {
    const free = freeSlots(
      rules(),
      [],
      { from: '2026-11-23', to: '2027-01-15' },
      at('2026-11-22T10:00:00Z'),
    )
    expect(starts(free).at(-1)).toBe('2026-12-22T16:00:00.000Z')
  })

  it('answers nothing for a range wholly in the past', () => {
    expect(freeSlots(rules(), [], monday, at('2026-12-01T10:00:00Z'))).toEqual([])
  })

  it('removes booked calls', () => {
    const booked = [{ start: at('2026-11-23T08:00:00Z'), end: at('2026-11-23T08:30:00Z') }]
    const free = freeSlots(rules(), booked, monday, at('2026-11-20T10:00:00Z'))
    expect(free).toHaveLength(12)
    expect(starts(free)[0]).toBe('2026-11-23T08:30:00.000Z')
  })

  it('keeps the buffer free on both sides of a booked call', () => {
    const booked = [{ start: at('2026-11-23T09:00:00Z'), end: at('2026-11-23T09:30:00Z') }]
    const free = starts(
      freeSlots(rules({ bufferMinutes: 15 }), booked, monday, at('2026-11-20T10:00:00Z')),
    )
    // 10:00–10:30 Paris is booked: 09:30 ends within 15 min of it, 10:30 starts within 15 min of its end.
    expect(free.slice(0, 4)).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T10:30:00.000Z',
      '2026-11-23T13:00:00.000Z',
    ])
  })

  it.each([0, 10, 25])(
    'removes exactly the calls `clashes` names, on a dense month of booked calls (buffer %i min)',
    (bufferMinutes) => {
      const month = { from: '2026-12-01', to: '2026-12-31' }
      const now = at('2026-11-30T10:00:00Z')
      const dense = rules({ slotMinutes: 10, bufferMinutes, horizonDays: 365 })
      // Calls off the slot grid, of uneven lengths, listed out of order, as buffer changes leave them.
      const booked = offeredSlots(dense, month.from, month.to)
        .filter((_, index) => index % 7 === 0 || index % 11 === 3)
        .map((slot, index) => ({
          start: slot.start + (index % 3) * 4 * MINUTE,
          end: slot.end + (index % 5) * 6 * MINUTE,
        }))
        .reverse()
      const expected = offeredSlots(dense, month.from, month.to).filter(
        (slot) => !booked.some((call) => clashes(slot, call, bufferMinutes)),
      )
      expect(freeSlots(dense, booked, month, now)).toEqual(expected)
    },
  )
})

describe('clashes', () => {
  const call = { start: 10 * MINUTE, end: 40 * MINUTE }
  it.each([
    ['the same call', { start: 10 * MINUTE, end: 40 * MINUTE }, 0, true],
    ['the call right after, no buffer', { start: 40 * MINUTE, end: 70 * MINUTE }, 0, false],
    ['the call right after, 15 min buffer', { start: 40 * MINUTE, end: 70 * MINUTE }, 15, true],
    ['a call 15 min after, 15 min buffer', { start: 55 * MINUTE, end: 85 * MINUTE }, 15, false],
    ['the call right before, 5 min buffer', { start: -20 * MINUTE, end: 10 * MINUTE }, 5, true],
  ])('%s: %s', (_case, slot, buffer, expected) => {
    expect(clashes(slot, call, buffer)).toBe(expected)
  })
})
