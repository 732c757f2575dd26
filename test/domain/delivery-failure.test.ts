import { describe, expect, it } from 'vitest'
import {
  DeliveryFailure,
  failureKindOf,
  failureOfMailApiStatus,
  failureOfSmtpCode,
  failureOfStatus,
} from '../../api/domain/delivery-failure'

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

describe('failureOfSmtpCode', () => {
  it.each([
    // RFC 5321 § 4.2.1: 5yz is a permanent refusal, 4yz a transient one.
    [550, 'refused'],
    [552, 'refused'],
    [554, 'refused'],
    [421, 'unavailable'],
    [451, 'unavailable'],
    [452, 'unavailable'],
    // No reply at all: the connection failed, dropped or timed out.
    [undefined, 'unavailable'],
  ] as const)('SMTP %s is %s', (code, kind) => {
    expect(failureOfSmtpCode(code)).toBe(kind)
  })
})

describe('failureOfMailApiStatus', () => {
  it.each([
    [400, 'refused'],
    [404, 'refused'],
    // A key or an account problem holds every message.
    [401, 'unavailable'],
    [402, 'unavailable'],
    [403, 'unavailable'],
    [429, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('HTTP %i is %s', (status, kind) => {
    expect(failureOfMailApiStatus(status)).toBe(kind)
  })
})
