import { beforeAll, describe, expect, it } from 'vitest'
import { PROBLEM_TYPES } from '../../api/middleware/problem-types'
import { createTestApp, json, type TestApp } from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

describe('GET /problems/:slug', () => {
  it.each(Object.keys(PROBLEM_TYPES))('documents /problems/%s', async (slug) => {
    const response = await t.app.request(`/problems/${slug}`)
    expect(response.status).toBe(200)
    const body = await json<{ type: string; title: string; status: number; description: string }>(
      response,
    )
    expect(body.type).toBe(`/problems/${slug}`)
    expect(body.title.length).toBeGreaterThan(5)
    expect(body.description.length).toBeGreaterThan(20)
  })

  it('resolves the type of a real error answer', async () => {
    const problem = await json<{ type: string; title: string; status: number }>(
      await t.app.request('/v1/conventions/abc'),
    )
    const documented = await json<{ title: string; status: number }>(
      await t.app.request(problem.type),
    )
    expect(documented).toMatchObject({ title: problem.title, status: problem.status })
  })

  it('answers 404 for a type that does not exist', async () => {
    const response = await t.app.request('/problems/toString')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})
