/** Which compression a client takes, from its Accept-Encoding header (RFC 9110 § 12.5.3). Pure. */

export type ContentEncoding = 'br' | 'gzip'

/** Brotli first: about a fifth smaller than gzip on the bundle, and every current browser takes it. */
const BY_PREFERENCE: readonly ContentEncoding[] = ['br', 'gzip']

/**
 * The encoding to send, or null for the bytes as they are. A coding is acceptable when listed with
 * a q-value above 0, or covered by `*` without being refused by name; between acceptable ones the
 * higher q wins, then ours (brotli before gzip). No header at all: no compression.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (!name) continue
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  let best: ContentEncoding | null = null
  let bestWeight = 0
  for (const coding of BY_PREFERENCE) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}
