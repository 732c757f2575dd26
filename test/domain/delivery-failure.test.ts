import { describe, expect, it } from 'vitest'
import { DeliveryFailure, failureKindOf, failureOfStatus } from '../../api/domain/delivery-failure'

describe('failureOfStatus', () => {
  it.each([
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [408, 'unavailable'],
    [429, 'unavailable'],
    [400, 'refused'],
    [401, 'refused'],
    [404, 'refused'],
    [410, 'refused'],
    [422, 'refused'],
    [301, 'refused'],
    [302, 'refused'],
  ] as const)('HTTP %i is %s', (status, kind) => {
    expect(failureOfStatus(status)).toBe(kind)
  })
})

describe('failureKindOf', () => {
  it('reads a DeliveryFailure, and counts anything else as the receiver being unavailable', () => {
    expect(failureKindOf(new DeliveryFailure('receiver answered HTTP 400', 'refused'))).toBe(
      'refused',
    )
    expect(failureKindOf(new TypeError('fetch failed'))).toBe('unavailable')
    expect(failureKindOf('a string')).toBe('unavailable')
  })
})
