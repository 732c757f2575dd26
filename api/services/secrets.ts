/**
 * Random tokens, digests compared in constant time, and answers sealed with a key only the client
 * holds. WebCrypto only, so the same code runs on Node and on Workers.
 */

const encoder = new TextEncoder()

export async function sha256(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

/** Compares equal-length digests without an early exit. */
export function sameDigest(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0)
  return difference === 0
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/** 256 random bits, URL-safe: a manage token. */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** What the database keeps of a token. */
export async function tokenHash(token: string): Promise<string> {
  return toBase64Url(await sha256(token))
}

/** Whether a presented token is the one whose hash was kept, in constant time. */
export async function tokenMatches(presented: string, storedHash: string): Promise<boolean> {
  let stored: Uint8Array
  try {
    stored = fromBase64Url(storedHash)
  } catch {
    return false
  }
  return sameDigest(await sha256(presented), stored)
}

async function sealingKey(secret: string): Promise<CryptoKey> {
  // A second digest with a label: the sealing key is not the stored hash of the same secret.
  const material = await sha256(`ganapati-seal:${secret}`)
  return crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

/** AES-GCM of `text` under a key derived from `secret`; base64url, the 12-byte IV first. */
export async function seal(text: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await sealingKey(secret),
      encoder.encode(text),
    ),
  )
  const out = new Uint8Array(iv.length + sealed.length)
  out.set(iv)
  out.set(sealed, iv.length)
  return toBase64Url(out)
}

/** The text `seal` sealed, or null when the secret is not the one it was sealed with. */
export async function unseal(sealed: string, secret: string): Promise<string | null> {
  try {
    const bytes = fromBase64Url(sealed)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12) },
      await sealingKey(secret),
      bytes.slice(12),
    )
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}
