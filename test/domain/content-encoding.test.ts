import { describe, expect, it } from 'vitest'
import { negotiateEncoding } from '../../api/domain/content-encoding'

describe('negotiateEncoding', () => {
  it.each([
    ['Chromium', 'gzip, deflate, br, zstd', 'br'],
    ['Firefox', 'gzip, deflate, br', 'br'],
    ['gzip only', 'gzip', 'gzip'],
    ['brotli refused', 'br;q=0, gzip', 'gzip'],
    ['gzip preferred by q', 'br;q=0.5, gzip;q=0.8', 'gzip'],
    ['the same q: ours first', 'gzip;q=0.8, br;q=0.8', 'br'],
    ['anything', '*', 'br'],
    ['anything but brotli', '*, br;q=0', 'gzip'],
    ['identity only', 'identity', null],
    ['everything refused', '*;q=0', null],
    ['no header', undefined, null],
    ['empty header', '', null],
    ['upper case and spaces', ' GZIP ; Q=1 ', 'gzip'],
    ['a garbled q', 'br;q=abc, gzip', 'gzip'],
  ] as const)('%s: %s → %s', (_case, header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})
