import { describe, expect, it, vi } from 'vitest'
import worker, { type WorkerBindings } from '../../api/worker'

const context = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} }

describe('api/worker.ts with bad bindings', () => {
  it('answers a 503 problem without details instead of throwing', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await worker.fetch(
      new Request('https://ganapati.test/v1/conventions/1486'),
      { DATABASE_URL: '', RECHERCHE_ENTREPRISES_URL: 'javascript:alert(1)' } as WorkerBindings,
      context,
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = await response.text()
    expect(JSON.parse(body)).toMatchObject({ type: '/problems/misconfigured', status: 503 })
    expect(body).not.toMatch(/DATABASE_URL|javascript/)
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/DATABASE_URL/))
    logged.mockRestore()
  })

  it('refuses to run without PUBLIC_URL rather than build links on the Host header', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await worker.fetch(
      new Request('https://attacker.example/v1/conventions/1486'),
      { DATABASE_URL: 'libsql://ganapati-widgets.turso.io' } as WorkerBindings,
      context,
    )
    expect(response.status).toBe(503)
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/PUBLIC_URL/))
    logged.mockRestore()
  })
})
