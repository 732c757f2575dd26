import { describe, expect, it } from 'vitest'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'
import { ApiError, apiBase, safeHttpUrl } from '../../../widgets/shared/api-client'

describe('ApiError.describe', () => {
  const detail = { detail: 'Le SIRET a une clé de contrôle invalide.' }

  it('shows a 400’s own detail to a French visitor, ours to an English one', () => {
    expect(new ApiError('invalid', 400, detail).describe('fr')).toBe(detail.detail)
    expect(new ApiError('invalid', 400, detail).describe('en')).toBe(en.common.errors.invalid)
  })

  it('words every other failure itself, in the visitor’s language', () => {
    expect(new ApiError('timeout', null).describe('fr')).toBe(fr.common.errors.timeout)
    expect(new ApiError('server', 500, detail).describe('fr')).toBe(fr.common.errors.server)
  })
})

describe('safeHttpUrl and apiBase', () => {
  it.each([
    ['https://x.example/ganapati/', 'https://x.example/ganapati'],
    ['https://x.example/ganapati?a=1#b', 'https://x.example/ganapati'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('keeps an http(s) base with its path prefix: %s', (value, base) => {
    expect(apiBase(value)).toBe(base)
  })

  it('refuses javascript: and data: addresses', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpUrl('data:text/html,x')).toBeNull()
    expect(safeHttpUrl(null)).toBeNull()
  })
})
