import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysBetween,
  frenchDay,
  isoInstant,
  parisDate,
  weekdayOf,
  zoneOffsetMs,
  zonedInstant,
} from '../../api/domain/calendar'

const HOUR = 3_600_000

describe('zonedInstant', () => {
  // Paris: CET (+01:00) in winter, CEST (+02:00) from the last Sunday of March to the last Sunday
  // of October (Directive 2000/84/EC); 2026's changes fall on 2026-03-29 and 2026-10-25.
  it.each([
    ['winter', '2026-01-15', '09:00', '2026-01-15T08:00:00.000Z'],
    ['summer', '2026-07-15', '09:00', '2026-07-15T07:00:00.000Z'],
    ['Friday before the spring change', '2026-03-27', '09:00', '2026-03-27T08:00:00.000Z'],
    ['Monday after the spring change', '2026-03-30', '09:00', '2026-03-30T07:00:00.000Z'],
    ['Friday before the autumn change', '2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'],
    ['Monday after the autumn change', '2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    ['spring night, before the gap', '2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['spring night, after the gap', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    // 02:30 never shows on Paris clocks that night: read with the offset before (RFC 5545 § 3.3.5).
    ['spring night, inside the gap', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // 02:30 shows twice that night: its first occurrence, still in summer time.
    ['autumn night, the repeated hour', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['autumn night, after the change', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
    ['midnight', '2026-11-23', '00:00', '2026-11-22T23:00:00.000Z'],
  ])('%s: %s %s in Paris is %s', (_case, date, time, expected) => {
    expect(new Date(zonedInstant(date, time)).toISOString()).toBe(expected)
  })

  it('works for other zones (a visitor in Montréal)', () => {
    expect(new Date(zonedInstant('2026-11-23', '09:00', 'America/Montreal')).toISOString()).toBe(
      '2026-11-23T14:00:00.000Z',
    )
  })
})

describe('zoneOffsetMs', () => {
  it.each([
    ['2026-03-29T00:59:00Z', 1],
    ['2026-03-29T01:00:00Z', 2],
    ['2026-10-25T00:59:00Z', 2],
    ['2026-10-25T01:00:00Z', 1],
  ])('Paris at %s is UTC+%i', (instant, hours) => {
    expect(zoneOffsetMs(Date.parse(instant), 'Europe/Paris')).toBe(hours * HOUR)
  })
})

describe('calendar dates', () => {
  it('reads the Paris date of an instant, not the UTC one', () => {
    expect(parisDate(Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23')
  })

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('counts days between dates, DST or not', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2)
  })

  it.each([
    ['2026-03-29', 'sunday'],
    ['2026-11-23', 'monday'],
    ['2026-10-25', 'sunday'],
  ])('%s is a %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday)
  })
})

describe('isoInstant', () => {
  it('writes an instant as ISO 8601 UTC, the same text on every call', () => {
    const instant = Date.parse('2026-03-30T07:00:00Z')
    expect(isoInstant(instant)).toBe('2026-03-30T07:00:00.000Z')
    expect(isoInstant(instant)).toBe(new Date(instant).toISOString())
  })
})

describe('frenchDay', () => {
  it.each([
    ['2026-12-02', '2 décembre 2026'],
    ['2026-03-29', '29 mars 2026'],
  ])('%s → %s', (date, text) => {
    expect(frenchDay(date)).toBe(text)
  })
})
