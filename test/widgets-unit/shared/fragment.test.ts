import { describe, expect, it } from 'vitest'
import { fragmentParam, pageFragment } from '../../../widgets/shared/fragment'

describe('fragmentParam', () => {
  it.each([
    ['#ganapati-booking=a.b', 'a.b'],
    ['#/contact?ganapati-booking=a.b', 'a.b'],
    ['#/contact?tab=2&ganapati-booking=a.b&x=1', 'a.b'],
    ['#ganapati-booking=a.b&faq', 'a.b'],
    ['#faq', null],
    ['#ganapati-booking-x=a.b', null],
    ['#ganapati-booking=%E0', null],
  ])('reads %j as %j', (fragment, value) => {
    expect(fragmentParam(fragment, 'ganapati-booking')).toBe(value)
  })
})

describe('pageFragment', () => {
  it('drops every widget’s parameter, so no token stays in an address to share', () => {
    expect(pageFragment('#/tarifs?ganapati-sim=a&tab=2&ganapati-booking=id.token')).toBe(
      '/tarifs?tab=2',
    )
    expect(pageFragment('ganapati-auth=t&ganapati-dossier=d&faq')).toBe('faq')
  })

  it('drops only the parameters asked for', () => {
    expect(pageFragment('#/p?ganapati-sim=a&ganapati-booking=b', /^ganapati-booking$/)).toBe(
      '/p?ganapati-sim=a',
    )
  })
})
