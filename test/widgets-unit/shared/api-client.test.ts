import { describe, expect, it } from 'vitest'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'
import {
  ApiError,
  RetryKey,
  apiBase,
  idempotencyKey,
  kindOf,
  retryAfterSeconds,
  safeHttpUrl,
} from '../../../widgets/shared/api-client'

describe('ApiError.describe', () => {
  const detail = { detail: 'Le SIRET a une clé de contrôle invalide.' }
  const limited = {
    detail:
      'Trop de recherches d’entreprises depuis votre connexion\u00a0: réessayez dans 12\u00a0s, ou cherchez par numéro IDCC.',
  }

  it('shows the API’s own detail to a French visitor, whatever the failure', () => {
    expect(new ApiError('invalid', 400, detail).describe(fr.common, 'fr')).toBe(detail.detail)
    expect(new ApiError('rate-limited', 429, limited, 12).describe(fr.common, 'fr')).toBe(
      limited.detail,
    )
    expect(new ApiError('server', 500, detail).describe(fr.common, 'fr')).toBe(detail.detail)
  })

  it('words a failure itself in English, or when the API sent no detail', () => {
    expect(new ApiError('invalid', 400, detail).describe(en.common, 'en')).toBe(
      en.common.errors.invalid,
    )
    expect(new ApiError('timeout', null).describe(fr.common, 'fr')).toBe(
      'Le service Ganapati met trop de temps à répondre. Réessayez dans un instant.',
    )
    expect(new ApiError('upstream', 503, {}, 4).describe(en.common, 'en')).toBe(
      'The company search service is not responding. Try again in 4 s.',
    )
    expect(new ApiError('offline', null).describe(en.common, 'en')).toBe(en.common.errors.offline)
  })

  it('tells a rate-limited visitor how long to wait when the API said it', () => {
    expect(new ApiError('rate-limited', 429, limited, 12).describe(en.common, 'en')).toBe(
      'Too many searches in a short time. Try again in 12 s.',
    )
    expect(new ApiError('rate-limited', 429, null, null).describe(fr.common, 'fr')).toBe(
      'Trop de recherches en peu de temps. Réessayez dans un instant.',
    )
  })
})

describe('kindOf', () => {
  const type = (slug: string) => ({ type: `/problems/${slug}` })
  it.each([
    [503, type('upstream-unavailable'), 'upstream'],
    [503, type('upstream-rate-limited'), 'rate-limited'],
    [504, type('upstream-timeout'), 'upstream'],
    [503, type('database-busy'), 'server'],
    [503, type('not-ready'), 'server'],
    [500, type('internal-error'), 'server'],
    [429, type('too-many-requests'), 'rate-limited'],
    [404, type('unknown-idcc'), 'not-found'],
    [400, type('validation-error'), 'invalid'],
    // A proxy's answer, without a problem of ours: the status alone.
    [502, null, 'upstream'],
    [500, null, 'server'],
  ] as const)('%i %j → %s', (status, problem, kind) => {
    expect(kindOf(status, problem)).toBe(kind)
  })
})

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-30T10:00:00Z')
  it.each([
    ['12', 12],
    [' 3 ', 3],
    ['Mon, 30 Nov 2026 10:00:30 GMT', 30],
    ['0', null],
    ['Mon, 30 Nov 2026 09:59:00 GMT', null],
    ['soon', null],
    [null, null],
  ])('reads %j as %j seconds', (value, seconds) => {
    expect(retryAfterSeconds(value, now)).toBe(seconds)
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

describe('idempotencyKey', () => {
  it('is fresh each time', () => {
    const keys = new Set(Array.from({ length: 20 }, idempotencyKey))
    expect(keys.size).toBe(20)
    for (const key of keys) expect(key).toMatch(/^[0-9a-f-]{32,36}$/)
  })
})

describe('RetryKey', () => {
  it('keeps the key while the same body is sent again, and changes it with the body or once answered', () => {
    const keys = new RetryKey()
    const first = keys.for('{"a":1}')
    expect(keys.for('{"a":1}')).toBe(first)
    const second = keys.for('{"a":2}')
    expect(second).not.toBe(first)
    keys.answered()
    expect(keys.for('{"a":2}')).not.toBe(second)
  })
})
