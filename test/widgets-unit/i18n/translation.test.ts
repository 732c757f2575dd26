/** The type check makes a missing string an error; this also catches an extra or misspelt one. */
import { describe, expect, it } from 'vitest'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'

/** Every key path of the words, functions and arrays as leaves. */
function paths(words: object, prefix = ''): string[] {
  return Object.entries(words).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? paths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )
}

describe('translations', () => {
  it.each(Object.keys(fr))('%s has the same strings in French and English', (section) => {
    const french = fr[section as keyof typeof fr]
    const english = en[section as keyof typeof en]
    expect(paths(english).sort()).toEqual(paths(french).sort())
  })

  it('words functions alike: same arity in both languages', () => {
    const arity = (words: object) =>
      paths(words).map((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], words)
        return typeof value === 'function' ? `${path}/${value.length}` : path
      })
    expect(arity(en).sort()).toEqual(arity(fr).sort())
  })

  it('lists the same number of certification levels in both languages', () => {
    expect(en.simulator.levels).toHaveLength(fr.simulator.levels.length)
  })
})
