// The Workers build (wrangler.toml → api/worker.ts) boots in workerd and answers from libSQL over HTTP.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const call = (path: string) => exports.default.fetch(`https://ganapati.test${path}`)

describe('api/worker.ts in workerd', () => {
  it('answers the health probe', async () => {
    const response = await call('/health')

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('reads a convention from the seeded database it is bound to', async () => {
    const response = await call('/v1/conventions/1486')

    // wrangler.toml points at Turso; the pool rebinds DATABASE_URL to the loopback libSQL server.
    expect(env.DATABASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { opco: { id: string } }
    expect(body.opco.id).toBe('atlas')
  })

  it('rejects a malformed IDCC with a problem+json 400', async () => {
    const response = await call('/v1/conventions/abc')

    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})
