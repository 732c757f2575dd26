// Who sees a dossier, case by case: the rules (a trainer their own, a company contact its
// SIRET's, staff all) and the invited contact, who sees only the dossiers it was invited to.
import { describe, expect, it } from 'vitest'
import type { Member } from '../../api/contracts/members'
import { canSee, scopeOf } from '../../api/domain/dossier-access'

const SIRET = '12345678000014'
const OTHER_SIRET = '55555555000014'
const dossier = { trainerId: 'trainer-1', companySiret: SIRET }
const member = (overrides: Partial<Member>): Member => ({
  id: 'someone',
  email: 'x@example.fr',
  name: 'X',
  role: 'company',
  organisation: { siret: SIRET, name: 'Hôtel' },
  organisationWide: true,
  ...overrides,
})

describe('canSee', () => {
  it.each([
    [
      'staff',
      member({ role: 'staff', organisation: { siret: OTHER_SIRET, name: 'Ganapati' } }),
      [],
      true,
    ],
    ['its trainer', member({ id: 'trainer-1', role: 'trainer' }), [], true],
    [
      'another trainer, even of the same SIRET',
      member({ id: 'trainer-2', role: 'trainer' }),
      [],
      false,
    ],
    ['a contact of the company made by Ganapati', member({}), [], true],
    [
      'a contact of another company',
      member({ organisation: { siret: OTHER_SIRET, name: 'Autre' } }),
      [],
      false,
    ],
    [
      'an invited contact, invited to it',
      member({ id: 'invited', organisationWide: false }),
      ['invited'],
      true,
    ],
    [
      'an invited contact, invited to another dossier',
      member({ id: 'invited', organisationWide: false }),
      ['someone-else'],
      false,
    ],
    [
      'an invited contact of another company, though invited',
      member({
        id: 'invited',
        organisationWide: false,
        organisation: { siret: OTHER_SIRET, name: 'Autre' },
      }),
      ['invited'],
      false,
    ],
  ] as const)('%s → %s', (_label, who, invited, seen) => {
    expect(canSee(scopeOf(who), dossier, invited)).toBe(seen)
  })
})
