import { describe, expect, it } from 'vitest'
import { callTime, callTimes } from '../../api/domain/call-time'

const START = '2026-11-23T08:00:00.000Z'
const END = '2026-11-23T08:30:00.000Z'

describe('callTime', () => {
  it.each([
    ['Europe/Paris', 'fr', { date: 'lundi 23 novembre 2026', from: '09:00', to: '09:30' }],
    ['America/Martinique', 'fr', { date: 'lundi 23 novembre 2026', from: '04:00', to: '04:30' }],
    // Noumea is UTC+11: the same call falls on the Monday evening there.
    ['Pacific/Noumea', 'en', { date: 'Monday, 23 November 2026', from: '19:00', to: '19:30' }],
  ] as const)('in %s (%s)', (zone, lang, expected) => {
    expect(callTime(START, END, zone, lang)).toEqual(expected)
  })

  it('follows summer time: 09:00 in Paris is 07:00Z in June', () => {
    expect(
      callTime('2026-06-15T07:00:00.000Z', '2026-06-15T07:30:00.000Z', 'Europe/Paris', 'fr'),
    ).toEqual({
      date: 'lundi 15 juin 2026',
      from: '09:00',
      to: '09:30',
    })
  })
})

describe('callTimes', () => {
  it.each([
    ['no zone', null, false],
    ['Paris', 'Europe/Paris', false],
    // Brussels shows the same clock: one line is enough.
    ['Brussels', 'Europe/Brussels', false],
    ['London', 'Europe/London', true],
  ])('shows the visitor’s own time apart for %s: %s', (_case, zone, apart) => {
    const times = callTimes(START, END, zone, 'fr')
    expect(times.paris.from).toBe('09:00')
    expect(times.local !== null).toBe(apart)
  })
})
