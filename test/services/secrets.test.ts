import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  fromBase64Url,
  randomToken,
  sameDigest,
  seal,
  sha256,
  tokenHash,
  tokenMatches,
  toBase64Url,
  unseal,
} from '../../api/services/secrets'

const SECRET = 'idempotency-key:4b0e6d1c-2f7a-4f6e-9a51-0d3c8e7b2a90'

describe('randomToken', () => {
  it('is 256 bits as 43 base64url characters, different each time', () => {
    const tokens = Array.from({ length: 20 }, () => randomToken())
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(fromBase64Url(token)).toHaveLength(32)
    }
    expect(new Set(tokens).size).toBe(tokens.length)
  })
})

describe('sha256 and tokenHash', () => {
  it('agree with node:crypto', async () => {
    const text = 'Rendez-vous confirmé'
    const expected = createHash('sha256').update(text, 'utf8').digest()
    expect(Buffer.from(await sha256(text)).equals(expected)).toBe(true)
    expect(await tokenHash(text)).toBe(expected.toString('base64url'))
  })
})

describe('base64url', () => {
  it('round-trips bytes that need - and _ without padding', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x3e])
    const text = toBase64Url(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64url'))
    expect(text).not.toMatch(/[+/=]/)
    expect(Array.from(fromBase64Url(text))).toEqual(Array.from(bytes))
  })
})

describe('tokenMatches', () => {
  it('accepts the token whose hash was kept', async () => {
    const token = randomToken()
    expect(await tokenMatches(token, await tokenHash(token))).toBe(true)
  })

  it('refuses another token', async () => {
    expect(await tokenMatches(randomToken(), await tokenHash(randomToken()))).toBe(false)
  })

  it.each([
    { stored: '%%% not base64 %%%', why: 'not base64 at all' },
    { stored: 'c2hvcnQ', why: 'valid base64url of 5 bytes, not a digest' },
    { stored: '', why: 'empty' },
  ])('refuses a malformed stored hash ($why) without throwing', async ({ stored }) => {
    expect(await tokenMatches(randomToken(), stored)).toBe(false)
  })
})

describe('sameDigest', () => {
  it('is true for equal bytes and false for one bit of difference', () => {
    const a = new Uint8Array([1, 2, 3, 4])
    expect(sameDigest(a, new Uint8Array([1, 2, 3, 4]))).toBe(true)
    expect(sameDigest(a, new Uint8Array([1, 2, 3, 5]))).toBe(false)
  })

  it('is false for digests of different lengths, even when one is a prefix of the other', () => {
    expect(sameDigest(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3, 4]))).toBe(false)
    expect(sameDigest(new Uint8Array([]), new Uint8Array([0]))).toBe(false)
  })
})

describe('seal and unseal', () => {
  it('round-trip a text with accents and non-Latin characters', async () => {
    const text = JSON.stringify({ name: 'Élodie Lefèvre', note: 'Ça marche — 東京 ✓' })
    const sealed = await seal(text, SECRET)
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(sealed).not.toContain('lodie')
    expect(await unseal(sealed, SECRET)).toBe(text)
  })

  it('draws a fresh IV each time: the same text seals differently', async () => {
    const first = await seal('même texte', SECRET)
    const second = await seal('même texte', SECRET)
    expect(first).not.toBe(second)
    expect(fromBase64Url(first).slice(0, 12)).not.toEqual(fromBase64Url(second).slice(0, 12))
  })

  it('gives null with another secret', async () => {
    const sealed = await seal('réponse gardée', SECRET)
    expect(await unseal(sealed, `${SECRET}x`)).toBeNull()
  })

  it('gives null for a tampered or truncated seal', async () => {
    const bytes = fromBase64Url(await seal('réponse gardée', SECRET))
    const last = bytes.length - 1
    bytes[last] = (bytes[last] ?? 0) ^ 1
    expect(await unseal(toBase64Url(bytes), SECRET)).toBeNull()
    expect(await unseal(toBase64Url(bytes.slice(0, 10)), SECRET)).toBeNull()
    expect(await unseal('%%%', SECRET)).toBeNull()
  })
})
