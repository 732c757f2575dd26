import { describe, expect, it } from 'vitest'
import {
  addressKey,
  clientAddress,
  clientKeyOf,
  inCidr,
  parseCidr,
  parseCidrList,
  parseIp,
  type Cidr,
} from '../../api/domain/client-address'

const ip = (text: string) => {
  const address = parseIp(text)
  if (!address) throw new Error(`not an address: ${text}`)
  return address
}

const cidrs = (text: string): Cidr[] => {
  const parsed = parseCidrList(text)
  if ('invalid' in parsed) throw new Error(`not ranges: ${parsed.invalid.join(', ')}`)
  return parsed.cidrs
}

describe('parseIp', () => {
  // Text forms of RFC 4291 § 2.2 (compressed, full, IPv4 tail) and RFC 4291 § 2.5.5.2 (mapped).
  it.each([
    ['203.0.113.7', 4, [203, 0, 113, 7]],
    ['0.0.0.0', 4, [0, 0, 0, 0]],
    [' 198.51.100.1 ', 4, [198, 51, 100, 1]],
    ['::ffff:203.0.113.7', 4, [203, 0, 113, 7]],
    ['::FFFF:cb00:7107', 4, [203, 0, 113, 7]],
    ['0:0:0:0:0:ffff:203.0.113.7', 4, [203, 0, 113, 7]],
    ['::1', 6, [...Array(15).fill(0), 1]],
    ['::', 6, Array(16).fill(0)],
    ['2001:db8::', 6, [0x20, 0x01, 0x0d, 0xb8, ...Array(12).fill(0)]],
    ['2001:DB8:0:0:1:0:0:1', 6, [0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7::', 6, [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]],
    ['64:ff9b::192.0.2.33', 6, [0, 0x64, 0xff, 0x9b, ...Array(8).fill(0), 192, 0, 2, 33]],
    ['fe80::1%eth0', 6, [0xfe, 0x80, ...Array(13).fill(0), 1]],
  ])('reads %s as IPv%i', (text, version, bytes) => {
    expect(parseIp(text)).toEqual({ version, bytes })
  })

  it.each([
    '',
    'unknown',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '010.0.0.1',
    '1.2.3.4:8080',
    '-1.2.3.4',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7',
    '12345::1',
    ':1:2:3:4:5:6:7',
    '1.2.3.4::1',
    '::1.2.3.4:1',
    'g::1',
    '[::1]',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull()
  })
})

describe('parseCidr and inCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.1/8', '10.9.9.9', true],
    ['192.168.1.128/25', '192.168.1.200', true],
    ['192.168.1.128/25', '192.168.1.127', false],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['0.0.0.0/0', '203.0.113.7', true],
    ['0.0.0.0/0', '2001:db8::1', false],
    ['::/0', '2001:db8::1', true],
    ['::/0', '203.0.113.7', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/33', '2001:db8:8000::1', false],
    ['fd00::/8', 'fdff::1', true],
    ['::1', '::1', true],
    // A mapped range is an IPv4 range, as mapped peers are read as IPv4.
    ['::ffff:10.0.0.0/104', '10.1.2.3', true],
    ['::ffff:10.0.0.0/104', '::ffff:10.1.2.3', true],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
  ])('%s holds %s: %s', (range, address, expected) => {
    const cidr = parseCidr(range)
    expect(cidr).not.toBeNull()
    expect(inCidr(ip(address), cidr!)).toBe(expected)
  })

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/8/8', 'fe80::/10%eth0'])(
    'refuses %j',
    (text) => {
      expect(parseCidr(text)).toBeNull()
    },
  )

  it('reads a list, naming every entry that is not a range', () => {
    expect(cidrs(' 10.0.0.0/8 , ::1,')).toHaveLength(2)
    expect(cidrs('')).toEqual([])
    expect(parseCidrList('10.0.0.0/8, proxy.local, 10.0.0.0/40')).toEqual({
      invalid: ['proxy.local', '10.0.0.0/40'],
    })
  })
})

describe('clientAddress', () => {
  const trusted = cidrs('10.0.0.0/8, 2001:db8:ffff::/48')

  it.each([
    [
      'an untrusted peer: its own address, whatever it forwards',
      '203.0.113.7',
      '1.1.1.1',
      '203.0.113.7',
    ],
    ['a trusted peer without the header: the peer', '10.0.0.2', undefined, '10.0.0.2'],
    ['a trusted peer: the rightmost hop', '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    [
      'a trusted peer: what the client prepended is ignored',
      '10.0.0.2',
      '1.1.1.1, 198.51.100.1',
      '198.51.100.1',
    ],
    [
      'trusted hops are skipped',
      '10.0.0.2',
      '1.1.1.1, 198.51.100.1, 10.0.0.9, 10.0.0.3',
      '198.51.100.1',
    ],
    ['every hop trusted: the leftmost', '10.0.0.2', '10.0.0.8, 10.0.0.9', '10.0.0.8'],
    [
      'a malformed hop: the last trusted hop',
      '10.0.0.2',
      '198.51.100.1, bogus, 10.0.0.9',
      '10.0.0.9',
    ],
    ['a malformed last hop: the peer', '10.0.0.2', '198.51.100.1, 1.2.3.4/24', '10.0.0.2'],
    // Azure Application Gateway, IIS ARR and some load balancers append the client's port.
    ['an IPv4 hop with a port', '10.0.0.2', '198.51.100.1, 1.2.3.4:5678', '1.2.3.4'],
    ['a bracketed IPv6 hop with a port', '10.0.0.2', '[2001:db8:1:2::3]:443', '2001:db8:1:2::3'],
    [
      'a trusted hop with a port is skipped',
      '10.0.0.2',
      '203.0.113.5:51234, 10.0.0.9:443',
      '203.0.113.5',
    ],
    ['a mapped hop with a port', '10.0.0.2', '[::ffff:203.0.113.5]:80', '203.0.113.5'],
    // Unbracketed, every colon belongs to the address: no port is cut off an IPv6 hop.
    ['a bare IPv6 hop', '10.0.0.2', '2001:db8::1', '2001:db8::1'],
    ['a bare IPv6 hop ending like a port', '10.0.0.2', '2001:db8::1:443', '2001:db8::1:443'],
    ['a bare IPv6 hop of two groups', '10.0.0.2', '::1', '::1'],
    ['an empty header: the peer', '10.0.0.2', '', '10.0.0.2'],
    ['a mapped peer counts as IPv4', '::ffff:10.0.0.2', '198.51.100.1', '198.51.100.1'],
    [
      'an IPv6 client behind an IPv6 proxy',
      '2001:db8:ffff::1',
      '2001:db8:1:2::3',
      '2001:db8:1:2::3',
    ],
    ['a bracketed IPv6 hop', '10.0.0.2', '[2001:db8:1:2::3]', '2001:db8:1:2::3'],
    ['a mapped hop counts as IPv4 too', '10.0.0.2', '::ffff:10.0.0.7, ::ffff:10.0.0.8', '10.0.0.7'],
  ])('%s', (_case, peer, forwardedFor, expected) => {
    expect(clientAddress(peer, forwardedFor, trusted)).toEqual(ip(expected))
  })

  it.each([
    '1.2.3.4:',
    '1.2.3.4:http',
    '1.2.3.4:65536',
    '1.2.3.4:123456',
    '1.2.3.4:80:90',
    '256.0.0.1:80',
    'proxy.local:80',
    ':80',
    '[2001:db8::1]:',
    '[2001:db8::1]:x',
    '[2001:db8::1',
    '2001:db8::1]:443',
    '[1.2.3.4]:80',
    '[bogus]:80',
    '[2001:db8::1]:443:1',
  ])('stops at the peer on a malformed hop with a port: %j', (hop) => {
    expect(clientAddress('10.0.0.2', `198.51.100.1, ${hop}`, trusted)).toEqual(ip('10.0.0.2'))
  })

  it('trusts nothing without trusted proxies', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1', [])).toEqual(ip('10.0.0.2'))
  })

  it('gives null for a peer that is no address', () => {
    expect(clientAddress('unknown', '198.51.100.1', trusted)).toBeNull()
  })
})

describe('addressKey and clientKeyOf', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    // One subscriber's /64 is one client, whichever of its addresses it uses (RFC 6177).
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:3::1', '2001:db8:1:3::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (text, key) => {
    expect(addressKey(ip(text))).toBe(key)
    expect(clientKeyOf(text)).toBe(key)
  })

  it('keeps text that is no address as its own key', () => {
    expect(clientKeyOf('unknown')).toBe('unknown')
  })
})
