import { describe, expect, it } from 'vitest'
import { formatDay } from '../../../widgets/dossier-tracker/format'

describe('formatDay', () => {
  it.each([
    // The API's due date: the end of 2 December in Paris (midnight, 23:00 UTC in winter).
    ['2026-12-02T23:00:00.000Z', 'fr', '2 décembre 2026'],
    ['2026-07-14T22:00:00.000Z', 'en', 'July 14, 2026'],
    // A training day, a Paris date as it is.
    ['2026-12-14', 'fr', '14 décembre 2026'],
    // An event during the day.
    ['2026-11-30T09:15:00.000Z', 'fr', '30 novembre 2026'],
  ] as const)('%s in %s → %s', (value, lang, text) => {
    expect(formatDay(value, lang)).toBe(text)
  })
})
