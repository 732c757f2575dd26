import { Hono } from 'hono'
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeEach, describe, expect, it } from 'vitest'
import { staticFiles } from '../../api/services/static-files'

/** A bundle-like script, long enough to be worth compressing. */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, n) => `mot ${n}`))}\n`
const PAGE = '<!doctype html><title>Démo</title><ganapati-opco-finder></ganapati-opco-finder>'

let root: string
let app: Hono
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ganapati-static-'))
  await mkdir(join(root, 'widgets'))
  await writeFile(join(root, 'widgets', 'ganapati.js'), SCRIPT)
  await writeFile(join(root, 'index.html'), PAGE)
  await writeFile(join(root, 'logo.png'), Buffer.alloc(4096, 7))
  app = new Hono().use('/*', staticFiles({ root }))
})

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers })

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('staticFiles', () => {
  it('sends the bundle in brotli to a browser, decompressing to the very file', async () => {
    const response = await get('/widgets/ganapati.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const body = await bytes(response)
    expect(Number(response.headers.get('content-length'))).toBe(body.byteLength)
    expect(body.byteLength).toBeLessThan(Buffer.byteLength(SCRIPT) / 4)
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT)
  })

  it('sends gzip to a client that takes only gzip, and the bytes as they are to one that takes none', async () => {
    const gzipped = await get('/widgets/ganapati.js', { 'accept-encoding': 'gzip' })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gzipped)).toString()).toBe(SCRIPT)

    const plain = await get('/widgets/ganapati.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await bytes(plain)).toString()).toBe(SCRIPT)
  })

  it('answers 304 to a revalidation with the ETag of the same representation', async () => {
    const first = await get('/widgets/ganapati.js', { 'accept-encoding': 'br' })
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+-br"$/)
    const again = await get('/widgets/ganapati.js', {
      'accept-encoding': 'br',
      'if-none-match': etag,
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // Another encoding is another representation: its bytes, not a 304.
    const gzip = await get('/widgets/ganapati.js', {
      'accept-encoding': 'gzip',
      'if-none-match': etag,
    })
    expect(gzip.status).toBe(200)
  })

  it('serves a changed file anew, with another ETag', async () => {
    const before = (await get('/widgets/ganapati.js')).headers.get('etag')
    await writeFile(join(root, 'widgets', 'ganapati.js'), `${SCRIPT}// v2\n`)
    const later = new Date(Date.now() + 5_000)
    await utimes(join(root, 'widgets', 'ganapati.js'), later, later)
    const after = await get('/widgets/ganapati.js')
    expect(after.headers.get('etag')).not.toBe(before)
    expect(await after.text()).toContain('// v2')
  })

  it('serves index.html for /, leaves small pages and images uncompressed, and answers HEAD without a body', async () => {
    const page = await get('/', { 'accept-encoding': 'br' })
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-encoding')).toBeNull()
    expect(await page.text()).toBe(PAGE)
    const image = await get('/logo.png', { 'accept-encoding': 'br' })
    expect(image.headers.get('content-encoding')).toBeNull()
    expect(image.headers.get('content-type')).toBe('image/png')
    const head = await get('/widgets/ganapati.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).not.toBeNull()
    expect(await head.text()).toBe('')
  })

  it.each([
    '/../package.json',
    '/widgets/../../package.json',
    '/%2e%2e/package.json',
    '/widgets%2f..%2f..%2fpackage.json',
    '/widgets/%00.js',
    '/widgets/missing.js',
    '/widgets',
  ])('passes %s on to the next handler (a 404), never a file outside the folder', async (path) => {
    const response = await get(path)
    expect(response.status).toBe(404)
  })
})
