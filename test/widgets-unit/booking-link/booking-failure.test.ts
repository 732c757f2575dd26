import { describe, expect, it } from 'vitest'
import {
  explain,
  failureText,
  fieldErrors,
  readFailure,
} from '../../../widgets/booking-link/booking-failure'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'
import { ApiError } from '../../../widgets/shared/api-client'

const FR = { ...fr.common, ...fr.form, ...fr.booking }
const EN = { ...en.common, ...en.form, ...en.booking }

const problem = (type: string, detail: string, errors?: { pointer: string; detail: string }[]) => ({
  type: `/problems/${type}`,
  detail,
  errors,
})

describe('readFailure', () => {
  it('reads the problem’s slug', () => {
    const error = new ApiError('invalid', 409, problem('slot-taken', 'Pris.'))
    expect(readFailure(error).slug).toBe('slot-taken')
  })

  it('reads a gateway failure as the service failing: a booking calls no upstream', () => {
    const { failure, slug } = readFailure(new ApiError('upstream', 504))
    expect([failure.kind, failure.status, slug]).toEqual(['server', 504, undefined])
    expect(readFailure(new TypeError('boom')).failure.kind).toBe('server')
  })
})

describe('explain', () => {
  it.each([
    ['network', null, 'fr', `${FR.errors.network} ${FR.soon}`],
    [
      'invalid',
      problem('validation-error', 'Le nom est trop long.'),
      'fr',
      'Le nom est trop long.',
    ],
    // The API details its problems in French only: an English visitor reads ours.
    ['invalid', problem('validation-error', 'Le nom est trop long.'), 'en', EN.invalid],
    ['server', problem('internal-error', 'Erreur interne.'), 'fr', 'Erreur interne.'],
    ['server', null, 'en', `${EN.errors.server} ${EN.soon}`],
  ] as const)('%s (%j) in %s', (kind, body, lang, text) => {
    expect(explain(new ApiError(kind, 400, body), lang, lang === 'fr' ? FR : EN)).toBe(text)
  })
})

describe('fieldErrors', () => {
  const refused = new ApiError(
    'invalid',
    400,
    problem('validation-error', 'Requête invalide', [
      { pointer: '/body/phone', detail: 'Un numéro de téléphone, par exemple 01 23 45 67 89.' },
      { pointer: '/body/context/siret', detail: 'Un SIRET compte 14 chiffres.' },
    ]),
  )

  it('puts the API’s French detail under the form fields it names', () => {
    expect(fieldErrors(refused, 'fr', FR)).toEqual({
      phone: 'Un numéro de téléphone, par exemple 01 23 45 67 89.',
    })
  })

  it('puts ours in English', () => {
    expect(fieldErrors(refused, 'en', EN)).toEqual({ phone: EN.invalid })
  })
})

describe('failureText', () => {
  it.each([
    [new ApiError('invalid', 409), 'idempotency-key-in-flight', FR.inFlight],
    [new ApiError('invalid', 413), 'payload-too-large', FR.tooLarge],
    [new ApiError('rate-limited', 429), 'too-many-requests', FR.tooMany],
    [
      new ApiError('rate-limited', 429, null, 30),
      'too-many-requests',
      `${FR.tooMany} ${FR.wait(30)}`,
    ],
    [
      new ApiError('rate-limited', 429, problem('too-many-requests', 'Trop de réservations.')),
      'too-many-requests',
      'Trop de réservations.',
    ],
    [new ApiError('network', null), undefined, `${FR.errors.network} ${FR.soon} ${FR.kept}`],
  ])('%#: %s', (failure, slug, text) => {
    expect(failureText(failure, slug, 'fr', FR)).toBe(text)
  })
})
