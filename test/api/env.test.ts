import { describe, expect, it } from 'vitest'
import { NodeConfigSchema, parseConfig, WorkerConfigSchema } from '../../api/env'

const WORKER = { DATABASE_URL: 'libsql://ganapati-widgets.turso.io' }

describe('NodeConfigSchema', () => {
  it('reads TRUSTED_PROXIES as ranges, none by default', () => {
    expect(parseConfig(NodeConfigSchema, {}).TRUSTED_PROXIES).toEqual([])
    const config = parseConfig(NodeConfigSchema, {
      TRUSTED_PROXIES: '10.0.0.0/8, 2001:db8::/32,127.0.0.1',
    })
    expect(config.TRUSTED_PROXIES.map((cidr) => [cidr.version, cidr.prefix])).toEqual([
      [4, 8],
      [6, 32],
      [4, 32],
    ])
  })

  it('refuses at boot a TRUSTED_PROXIES entry that is not a range, naming it', () => {
    expect(() =>
      parseConfig(NodeConfigSchema, { TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal, ::/200' }),
    ).toThrow(/TRUSTED_PROXIES: TRUSTED_PROXIES holds "proxy\.internal", "::\/200", not IPv4/)
  })

  it.each([
    ['https://widgets.ganapati.fr', 'https://widgets.ganapati.fr'],
    ['https://widgets.ganapati.fr/', 'https://widgets.ganapati.fr'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['HTTPS://Widgets.Ganapati.FR:443', 'https://widgets.ganapati.fr'],
  ])('reads PUBLIC_URL %s as the origin %s', (value, origin) => {
    expect(parseConfig(NodeConfigSchema, { PUBLIC_URL: value }).PUBLIC_URL).toBe(origin)
  })

  it.each([
    ['a path', 'https://ganapati.fr/widgets'],
    ['a query', 'https://widgets.ganapati.fr/?a=1'],
    ['credentials', 'https://user:secret@widgets.ganapati.fr'],
    ['another scheme', 'javascript:alert(1)'],
    ['no URL at all', 'widgets.ganapati.fr'],
  ])('refuses a PUBLIC_URL with %s', (_case, value) => {
    expect(() => parseConfig(NodeConfigSchema, { PUBLIC_URL: value })).toThrow(/PUBLIC_URL/)
  })

  it('leaves PUBLIC_URL unset by default: the listening origin is used', () => {
    expect(parseConfig(NodeConfigSchema, {}).PUBLIC_URL).toBeUndefined()
  })
})

describe('WorkerConfigSchema', () => {
  it('requires PUBLIC_URL: a Worker has no listening origin of its own', () => {
    expect(() => parseConfig(WorkerConfigSchema, WORKER)).toThrow(/PUBLIC_URL/)
    expect(
      parseConfig(WorkerConfigSchema, { ...WORKER, PUBLIC_URL: 'https://widgets.ganapati.fr' })
        .PUBLIC_URL,
    ).toBe('https://widgets.ganapati.fr')
  })
})
