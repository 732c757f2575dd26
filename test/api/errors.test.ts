import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../api/app'
import { RechercheEntreprises } from '../../api/services/recherche-entreprises'
import { systemClock } from '../../api/services/clock'
import { createTestApp } from '../support/test-app'
import { createTestDatabase } from '../support/test-database'

describe('errors are problem+json, never a stack trace', () => {
  it('hides an unexpected failure behind a 500 problem and logs it server-side', async () => {
    const { app } = await createTestApp()
    app.get('/v1/boom', () => {
      throw new Error('secret database password in a stack')
    })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await app.request('/v1/boom')
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({
      type: '/problems/internal-error',
      status: 500,
      title: 'Erreur interne',
    })
    expect(text).not.toContain('secret')
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })

  it.each([
    ['/v1/simulations', '{"scheme": "apprentissage",'],
    ['/v1/bookings', 'not json at all'],
  ])(
    'answers a body that is not JSON (%s) with a French 400 pointing at /body',
    async (path, body) => {
      const { app } = await createTestApp()
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      expect(await response.json()).toMatchObject({
        type: '/problems/validation-error',
        detail: 'Le corps de la requête n’est pas du JSON valide.',
        errors: [{ pointer: '/body', detail: 'Le corps de la requête n’est pas du JSON valide.' }],
      })
    },
  )

  it('answers 503 when the database holds no reference data yet', async () => {
    const { db } = await createTestDatabase({ seed: false })
    const app = createApp({
      database: () => db,
      companies: new RechercheEntreprises({ baseUrl: 'http://127.0.0.1:9', clock: systemClock }),
      publicUrl: () => 'http://localhost',
    })
    const response = await app.request('/v1/conventions/1486')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({
      type: '/problems/reference-data-missing',
      status: 503,
    })
  })

  it('answers a JSON 404 for an unknown route, with the path as instance', async () => {
    const { app } = await createTestApp()
    const response = await app.request('/v1/unknown?x=1')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      type: '/problems/not-found',
      title: 'Ressource introuvable',
      status: 404,
      detail: 'Aucune ressource à l’adresse /v1/unknown.',
      instance: '/v1/unknown',
    })
  })

  it('lets any origin read a problem, so a widget can show its detail', async () => {
    const { app } = await createTestApp()
    const response = await app.request('/v1/conventions/abc', {
      headers: { origin: 'https://partner.example' },
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends the security headers on JSON answers and the page headers elsewhere', async () => {
    const { app } = await createTestApp()
    const api = await app.request('/v1/opcos')
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(api.headers.get('content-security-policy')).toBeNull()
    // A page outside /v1 (here a problem type's documentation): served under the strict CSP.
    const page = await app.request('/problems/not-found')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})
