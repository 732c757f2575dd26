import { describe, expect, it } from 'vitest'
import { parseMailbox } from '../../api/domain/mailbox'

describe('parseMailbox', () => {
  it.each([
    ['Ganapati <rendez-vous@ganapati.fr>', { name: 'Ganapati', email: 'rendez-vous@ganapati.fr' }],
    [
      '"Ganapati Conseil" <rdv@ganapati.fr>',
      { name: 'Ganapati Conseil', email: 'rdv@ganapati.fr' },
    ],
    ['rendez-vous@ganapati.fr', { name: '', email: 'rendez-vous@ganapati.fr' }],
    ['  <rdv@ganapati.fr> ', { name: '', email: 'rdv@ganapati.fr' }],
    ['Ganapati', null],
    ['Ganapati <rendez-vous>', null],
    ['a@b@c', null],
  ])('%s', (text, expected) => {
    expect(parseMailbox(text)).toEqual(expected)
  })
})
