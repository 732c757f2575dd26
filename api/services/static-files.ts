/**
 * The built files (the widget bundle, the demo page) served on Node, compressed and revalidated:
 * brotli or gzip as the client takes them, each compressed once and kept in memory until the file
 * changes, with an ETag so a revalidated page or bundle costs a 304, not its bytes again. (On
 * Workers, Cloudflare's static assets do all of this themselves.)
 */
import type { MiddlewareHandler } from 'hono'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { negotiateEncoding, type ContentEncoding } from '../domain/content-encoding'

const CONTENT_TYPES: Record<string, { type: string; compressible: boolean }> = {
  '.html': { type: 'text/html; charset=utf-8', compressible: true },
  '.js': { type: 'text/javascript; charset=utf-8', compressible: true },
  '.mjs': { type: 'text/javascript; charset=utf-8', compressible: true },
  '.css': { type: 'text/css; charset=utf-8', compressible: true },
  '.json': { type: 'application/json', compressible: true },
  '.map': { type: 'application/json', compressible: true },
  '.svg': { type: 'image/svg+xml', compressible: true },
  '.txt': { type: 'text/plain; charset=utf-8', compressible: true },
  '.png': { type: 'image/png', compressible: false },
  '.ico': { type: 'image/x-icon', compressible: false },
  '.woff2': { type: 'font/woff2', compressible: false },
}

/** Below this, a compressed answer saves less than its headers cost. */
const MIN_COMPRESSIBLE_BYTES = 1024

interface Entry {
  mtimeMs: number
  size: number
  /** Of the file's bytes: the representations' ETags are built on it. */
  hash: string
  type: string
  bodies: { identity: Uint8Array<ArrayBuffer> } & Partial<
    Record<ContentEncoding, Uint8Array<ArrayBuffer>>
  >
}

/** A request path as a file under `root`, or null for anything that could leave it. */
function fileUnder(root: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /(^|\/)\.\.?(\/|$)/.test(decoded)) {
    return null
  }
  const path = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`)
  return path.startsWith(root + sep) ? path : null
}

export function staticFiles(options: { root: string }): MiddlewareHandler {
  const root = resolve(options.root)
  const cache = new Map<string, Entry>()

  const load = async (path: string): Promise<Entry | null> => {
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) return null
    const cached = cache.get(path)
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached
    const bytes = new Uint8Array(await readFile(path))
    const kind = CONTENT_TYPES[extname(path)] ?? {
      type: 'application/octet-stream',
      compressible: false,
    }
    const entry: Entry = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 27),
      type: kind.type,
      bodies: { identity: bytes },
    }
    if (kind.compressible && bytes.byteLength >= MIN_COMPRESSIBLE_BYTES) {
      // Once per file version, at the highest levels: the bundle is small and served many times.
      entry.bodies.br = new Uint8Array(
        brotliCompressSync(bytes, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        }),
      )
      entry.bodies.gzip = new Uint8Array(gzipSync(bytes, { level: zlib.Z_BEST_COMPRESSION }))
    }
    cache.set(path, entry)
    return entry
  }

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const path = fileUnder(root, c.req.path)
    const entry = path ? await load(path) : null
    if (!entry) return next()

    const compressed = entry.bodies.br !== undefined
    if (compressed) c.header('Vary', 'Accept-Encoding')
    const encoding = compressed ? negotiateEncoding(c.req.header('accept-encoding')) : null
    // Each encoding is its own representation, with its own validator (RFC 9110 § 8.8.3).
    const etag = encoding ? `"${entry.hash}-${encoding}"` : `"${entry.hash}"`
    c.header('ETag', etag)
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(etag)
    ) {
      return c.body(null, 304)
    }
    const body = (encoding && entry.bodies[encoding]) || entry.bodies.identity
    if (encoding) c.header('Content-Encoding', encoding)
    c.header('Content-Type', entry.type)
    c.header('Content-Length', String(body.byteLength))
    if (c.req.method === 'HEAD') return c.body(null, 200)
    return c.body(body, 200)
  }
}
