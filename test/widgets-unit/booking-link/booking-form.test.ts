import { describe, expect, it } from 'vitest'
import { bookingRequest, checkFields } from '../../../widgets/booking-link/booking-form'
import * as fr from '../../../widgets/i18n/fr'

const slot = { start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T08:30:00.000Z' }

describe('checkFields', () => {
  it.each([
    [{}, { name: fr.booking.required.name, email: fr.booking.required.email }],
    [{ name: ' Jeanne ', email: 'pas-une-adresse' }, { email: fr.booking.badEmail }],
    [{ name: 'Jeanne', email: 'jeanne@exemple.fr' }, {}],
  ])('%j → %j', (values, errors) => {
    expect(checkFields(values, fr.booking).errors).toEqual(errors)
  })

  it('trims every field', () => {
    expect(checkFields({ name: ' Jeanne ', phone: ' 01 ' }, fr.booking).trimmed).toEqual({
      name: 'Jeanne',
      email: '',
      phone: '01',
      company: '',
      message: '',
    })
  })
})

describe('bookingRequest', () => {
  const fields = {
    name: 'Jeanne',
    email: 'j@exemple.fr',
    phone: '',
    company: 'Martin',
    message: '',
  }

  it('leaves out the empty optional fields and an empty context', () => {
    expect(bookingRequest('conseiller', slot, fields, {}, 'fr')).toEqual({
      advisorId: 'conseiller',
      start: slot.start,
      name: 'Jeanne',
      email: 'j@exemple.fr',
      phone: undefined,
      company: 'Martin',
      message: undefined,
      context: undefined,
      lang: 'fr',
    })
  })

  it('sends the context when there is some', () => {
    expect(bookingRequest('c', slot, fields, { idcc: '1486' }, 'en').context).toEqual({
      idcc: '1486',
    })
  })
})
